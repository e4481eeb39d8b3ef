#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Character trigram frequencies and stopwords of one language, built from short sample sentences kept
/// as data (`Resources/language-*.txt`, written for elo). The first line `@stopwords …` lists stopwords.
public struct LanguageProfile: Sendable {
    public let stopwords: Set<String>
    /// ``wordHash(_:)`` of every stopword, so that text can be matched without making strings.
    let stopwordHashes: Set<UInt64>
    /// log P(trigram) with add-one smoothing over what the samples contain.
    let logProbabilities: [UInt64: Double]
    /// The same for every profile, so that a smaller sample set gains nothing from unseen trigrams.
    static let unseenLogProbability = log(1e-5)

    public init(text: String) {
        var stopwords = Set<String>()
        var counts: [UInt64: Int] = [:]
        var total = 0
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("@stopwords") {
                for word in line.split(separator: " ").dropFirst() { stopwords.insert(String(word)) }
                continue
            }
            Self.forEachTrigram(in: line) {
                counts[$0, default: 0] += 1
                total += 1
            }
        }
        let denominator = Double(total + counts.count + 1)
        var logs: [UInt64: Double] = [:]
        for (trigram, count) in counts { logs[trigram] = log(Double(count + 1) / denominator) }
        self.stopwords = stopwords
        self.stopwordHashes = Set(stopwords.map { Self.wordHash($0[...]) })
        self.logProbabilities = logs
    }

    /// Calls `body` with every trigram of the lower-cased letters of `text`, words padded by spaces.
    static func forEachTrigram(in text: Substring, _ body: (UInt64) -> Void) {
        var a: UInt32 = 32
        var b: UInt32 = 32
        var inWord = false
        for scalar in text.unicodeScalars {
            let letter = isLetter(scalar)
            if letter {
                let c = lower(scalar.value)
                body(pack(a, b, c))
                a = b
                b = c
                inWord = true
            } else if inWord {
                body(pack(a, b, 32))
                a = 32
                b = 32
                inWord = false
            }
        }
        if inWord { body(pack(a, b, 32)) }
    }

    /// FNV-1a over the lower-cased letters of a word; periods (`bl.a.`) are skipped.
    static func wordHash(_ word: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in word.unicodeScalars where isLetter(scalar) {
            hash = (hash ^ UInt64(lower(scalar.value))) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Letters, with ASCII and Latin-1 answered without a Unicode property lookup (the hot path).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        return scalar.properties.isAlphabetic
    }

    static func pack(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    /// Lower-cases ASCII and Latin-1 letters, which is all the three languages need.
    static func lower(_ value: UInt32) -> UInt32 {
        if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { return value + 32 }
        return value
    }

    func logProbability(_ trigram: UInt64) -> Double {
        logProbabilities[trigram] ?? Self.unseenLogProbability
    }
}
