/// The words of one document, for the line-break hyphen evidence "does the joined or the hyphenated
/// form occur elsewhere in the document?".
///
/// Built from every line of the document, so it has to be cheap: words are never made into `String`s.
/// Each word is trimmed of leading and trailing punctuation, folded to lower case (ASCII and Latin-1
/// letters: `Ä` → `ä`, `Å` → `å`), and kept as a 64-bit FNV-1a fingerprint; words of three letters or
/// fewer are left out. `contains(_:)` folds its argument the same way, so callers pass words as written.
public struct DocumentVocabulary: Sendable, ExpressibleByArrayLiteral {
    private var fingerprints: Set<UInt64> = []

    public init() {}

    public init(arrayLiteral words: String...) {
        for word in words { insertWords(of: word) }
    }

    /// The words of all `lines` (split at spaces).
    public init(lines: some Sequence<String>) {
        for line in lines { insertWords(of: line) }
    }

    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes in
            Self.fingerprint(bytes[...]).map(fingerprints.contains) ?? false
        }
    }

    mutating func insertWords(of line: String) {
        var line = line
        line.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                if index > start, let fingerprint = Self.fingerprint(bytes[start..<index]) {
                    fingerprints.insert(fingerprint)
                }
                start = index + 1
            }
        }
    }

    /// The fingerprint of one token, or nil when it has three letters or fewer once trimmed.
    static func fingerprint(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        var start = token.startIndex
        var end = token.endIndex
        while start < end, let (width, wordLike) = edgeScalar(token, from: start), !wordLike { start += width }
        while end > start, let (width, wordLike) = edgeScalar(token, endingAt: end), !wordLike { end -= width }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var scalars = 0
        var index = start
        while index < end {
            var byte = token[index]
            if byte >= 0x41, byte <= 0x5A {
                byte |= 0x20
            } else if byte == 0xC3, index + 1 < end, token[index + 1] >= 0x80, token[index + 1] <= 0x9E,
                token[index + 1] != 0x97
            {
                // À–Þ (but ×): the lower-case letter is 0x20 further on in the second byte.
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                index += 1
                byte = token[index] + 0x20
                scalars += 1
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                index += 1
                continue
            }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            index += 1
        }
        return scalars > 3 ? hash : nil
    }

    /// Width in bytes of the scalar starting at `index`, and whether it is a letter or a digit.
    private static func edgeScalar(_ token: Slice<UnsafeBufferPointer<UInt8>>, from index: Int) -> (Int, Bool)? {
        let byte = token[index]
        if byte < 0x80 { return (1, isASCIIAlphanumeric(byte)) }
        var width = 1
        while index + width < token.endIndex, token[index + width] & 0xC0 == 0x80 { width += 1 }
        return (width, isWordLike(token[index..<(index + width)]))
    }

    private static func edgeScalar(_ token: Slice<UnsafeBufferPointer<UInt8>>, endingAt end: Int) -> (Int, Bool)? {
        let byte = token[end - 1]
        if byte < 0x80 { return (1, isASCIIAlphanumeric(byte)) }
        var start = end - 1
        while start > token.startIndex, token[start] & 0xC0 == 0x80 { start -= 1 }
        return (end - start, isWordLike(token[start..<end]))
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func isWordLike(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
