import EloCore
import EloNormalisation

/// The base-form text stored beside each passage for full-text search: Finnish words through Voikko's base
/// form (`ohjauksen` → `ohjaus`), Swedish words through the Snowball stemmer, other words lower-cased.
/// Holds a Voikko handle and a stemmer: one per worker thread.
public final class PassageBaseForms {
    private let lexicon: FinnishLexicon?
    private let stemmer: SnowballStemmer?
    private var finnishCache: [String: String] = [:]

    /// Works without the libraries too (then words are only lower-cased), so a machine without the Finnish
    /// dictionary still indexes.
    public init() {
        lexicon = try? FinnishLexicon()
        stemmer = try? SnowballStemmer(algorithm: "swedish")
    }

    /// The Finnish base form of one word, when Voikko knows it.
    public func finnishBaseForm(_ word: String) -> String? {
        let lower = word.lowercased()
        if let cached = finnishCache[lower] { return cached.isEmpty ? nil : cached }
        let base = lexicon?.analyse(lower).first?.baseForm.lowercased()
        if finnishCache.count > 200_000 { finnishCache.removeAll(keepingCapacity: true) }
        finnishCache[lower] = base ?? ""
        return base
    }

    public func baseText(of passage: Passage) -> String {
        let words = passage.text.split { !($0.isLetter || $0.isNumber || $0 == "-") }
        return words.map { word -> String in
            let lower = word.lowercased()
            switch passage.language {
            case .finnish, .mixed, .unknown: return finnishBaseForm(lower) ?? lower
            case .swedish: return stemmer?.stem(lower) ?? lower
            case .english: return lower
            }
        }.joined(separator: " ")
    }
}
