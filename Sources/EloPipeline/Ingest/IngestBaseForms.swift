import EloCore
import EloNormalisation

/// The base-form text stored beside each passage for full-text search: Finnish words through Voikko's base
/// form (`ohjauksen` → `ohjaus`), Swedish words through the Snowball stemmer, other words lower-cased.
/// Holds a Voikko handle and a stemmer: one per worker thread.
public final class PassageBaseForms {
    private let analyses: FinnishAnalyses?
    private let stemmer: SnowballStemmer?
    /// Base forms by the word as written, Finnish and Swedish (emptied at ``FinnishAnalyses/capacity`` words).
    private var finnishBases: [Substring: String] = [:]
    private var swedishBases: [Substring: String] = [:]

    /// Works without the libraries too (then words are only lower-cased), so a machine without the Finnish
    /// dictionary still indexes. `analyses` may be shared with the thread's classifier, which reads the same
    /// words.
    public init(analyses: FinnishAnalyses? = nil) {
        self.analyses = analyses ?? (try? FinnishAnalyses())
        stemmer = try? SnowballStemmer(algorithm: "swedish")
    }

    /// The Finnish base form of one word, when Voikko knows it.
    public func finnishBaseForm(_ word: String) -> String? {
        finnishBaseForm(lowercased: word.lowercased())
    }

    private func finnishBaseForm(lowercased lower: String) -> String? {
        analyses?.readings(ofLowercased: lower).first?.baseForm
    }

    /// The passage's words (runs of letters, digits and hyphens) in base form, separated by single spaces.
    public func baseText(of passage: Passage) -> String {
        var output = ""
        output.reserveCapacity(passage.text.utf8.count)
        for word in Self.words(in: passage.text) {
            let base: String
            switch passage.language {
            case .finnish, .mixed, .unknown:
                base = Self.cached(word, in: &finnishBases) { self.finnishBaseForm(lowercased: $0) ?? $0 }
            case .swedish:
                base = Self.cached(word, in: &swedishBases) { self.stemmer?.stem($0) ?? $0 }
            case .english: base = word.lowercased()
            }
            if !output.isEmpty { output.append(" ") }
            output.append(base)
        }
        return output
    }

    /// The base of `word` from `cache`, or made from its lower-case form and remembered. Keys are copied out of
    /// the passage, so the cache does not keep passage texts alive.
    private static func cached(_ word: Substring, in cache: inout [Substring: String], _ make: (String) -> String)
        -> String
    {
        if let known = cache[word] { return known }
        let base = make(word.lowercased())
        if cache.count >= FinnishAnalyses.capacity { cache.removeAll(keepingCapacity: true) }
        cache[Substring(String(word))] = base
        return base
    }

    /// Splits text into words: a word is a run of characters whose first scalar is alphabetic or numeric, or a
    /// hyphen (what `Character.isLetter` / `isNumber` test). Works on Unicode scalars, which is several times
    /// faster than on characters; combining marks stay with the character they belong to.
    static func words(in text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var previousIsWord = false
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isWord: Bool
            if scalar.isASCII {
                let value = scalar.value
                isWord =
                    (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39) || value == 0x2D
            } else {
                let properties = scalar.properties
                switch properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: isWord = previousIsWord
                default:
                    isWord =
                        properties.isAlphabetic || properties.numericType != nil
                        || properties.isGraphemeExtend && previousIsWord
                }
            }
            if isWord {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(text[begun..<index])
                start = nil
            }
            previousIsWord = isWord
            index = scalars.index(after: index)
        }
        if let begun = start { words.append(text[begun..<text.endIndex]) }
        return words
    }
}
