import EloCore

/// Tells Finnish, Swedish and English apart, for a passage and for a whole document.
///
/// A passage is scored per language by its character trigrams against a ``LanguageProfile`` (average log
/// probability), by stopwords (`ja`, `että` / `och`, `att` / `the`, `and`), and by letter cues: `å` is
/// Swedish, doubled vowels (`ää`, `yy`, `uu`, `ii`) are Finnish. Too little text, or no clear winner,
/// gives `unknown`. A document is `mixed` when Finnish and Swedish passages each hold at least
/// ``mixedShare`` of its identified text.
public struct LanguageIdentifier: Sendable {
    public var profiles: [(Language, LanguageProfile)] {
        didSet { table = TrigramTable(profiles.map(\.1)) }
    }
    /// The profiles' trigram probabilities in one table.
    private var table: TrigramTable
    /// The least share of text each of Finnish and Swedish needs for a document to be `mixed`.
    public var mixedShare = 0.2
    /// Score handicap of English, so that a lone Finnish or Swedish word is not taken for English.
    public var englishPrior = 1.5

    /// Profiles built from the samples shipped with elo.
    public static let standard = LanguageIdentifier(profiles: [
        (.finnish, LanguageProfile(text: String(decoding: PackageResources.language_fi_txt, as: UTF8.self))),
        (.swedish, LanguageProfile(text: String(decoding: PackageResources.language_sv_txt, as: UTF8.self))),
        (.english, LanguageProfile(text: String(decoding: PackageResources.language_en_txt, as: UTF8.self))),
    ])

    public init(profiles: [(Language, LanguageProfile)]) {
        self.profiles = profiles
        table = TrigramTable(profiles.map(\.1))
    }

    /// Characters of a passage looked at: a few sentences decide its language, and long passages cost
    /// no more than that.
    public var sampleLength = 600

    /// The language of one passage.
    public func identify(_ fullText: String) -> Language {
        let text = fullText.utf8.count > sampleLength * 2 ? fullText.prefix(sampleLength) : fullText[...]
        var trigrams: [UInt64] = []
        trigrams.reserveCapacity(text.utf8.count)
        LanguageProfile.forEachTrigram(in: text) { trigrams.append($0) }
        let letters = trigrams.count
        guard letters >= 8 else { return .unknown }
        // One pass for word hashes and letter cues; no strings are made.
        var words: [UInt64] = []
        var ringCount = 0
        var doubleVowels = 0
        var previous: UInt32 = 32
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = LanguageProfile.lower(scalar.value)
            if LanguageProfile.isLetter(scalar) {
                hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
                inWord = true
                if value == 0xE5 { ringCount += 1 }
                if value == previous, Self.doubledVowels.contains(value) { doubleVowels += 1 }
            } else if scalar != "." || !inWord {
                if inWord { words.append(hash) }
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
            previous = value
        }
        if inWord { words.append(hash) }
        var sums = [Double](repeating: 0, count: profiles.count)
        for trigram in trigrams { table.accumulate(trigram, into: &sums) }
        var scores: [(Language, Double)] = []
        for (index, (language, profile)) in profiles.enumerated() {
            // Average log probability, weighted so that a sentence's worth of trigrams counts fully.
            var score = sums[index] / Double(letters) * 10
            let stopHits = words.reduce(0) { $0 + (profile.stopwordHashes.contains($1) ? 1 : 0) }
            score += 3 * Double(stopHits) / Double(max(1, words.count)) * 10
            switch language {
            case .swedish: score += 1.5 * Double(ringCount)
            case .finnish: score += 1.0 * Double(doubleVowels)
            case .english: score -= englishPrior  // the documents are Finnish or Swedish unless clearly not
            default: break
            }
            scores.append((language, score))
        }
        scores.sort { $0.1 > $1.1 }
        guard let best = scores.first else { return .unknown }
        if scores.count > 1, best.1 - scores[1].1 < 1.0 { return .unknown }
        return best.0
    }

    /// The document's language from its passages, weighted by their length.
    public func documentLanguage(_ passages: [(language: Language, length: Int)]) -> Language {
        var lengths: [Language: Int] = [:]
        for passage in passages where passage.language != .unknown {
            lengths[passage.language, default: 0] += passage.length
        }
        let total = lengths.values.reduce(0, +)
        guard total > 0 else { return .unknown }
        let finnish = Double(lengths[.finnish] ?? 0) / Double(total)
        let swedish = Double(lengths[.swedish] ?? 0) / Double(total)
        if finnish >= mixedShare && swedish >= mixedShare { return .mixed }
        return lengths.max { $0.value < $1.value }?.key ?? .unknown
    }

    /// a, e, i, u, y, ä, ö: doubled, a Finnish cue.
    static let doubledVowels: Set<UInt32> = [0x61, 0x65, 0x69, 0x75, 0x79, 0xE4, 0xF6]
}
