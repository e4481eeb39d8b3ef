/// Voikko's readings of Finnish words, cached per lower-cased word.
///
/// Analysing a word is the most expensive step of classification and of the base-form text, and both
/// ask about the same words: one `FinnishAnalyses` per thread, handed to both, analyses each word once.
/// Holds a Voikko handle: not thread-safe.
public final class FinnishAnalyses {
    public let lexicon: FinnishLexicon
    public let cacheEnabled: Bool
    private var cache: [String: [FinnishLexicon.Analysis]] = [:]
    /// Words analysed by Voikko (cache misses).
    public private(set) var analysed = 0
    /// The cache is emptied when it holds this many words, so that memory stays bounded on any corpus.
    public static let capacity = 200_000

    public init(lexicon: FinnishLexicon? = nil, cacheEnabled: Bool = true) throws(LexiconError) {
        if let lexicon { self.lexicon = lexicon } else { self.lexicon = try FinnishLexicon() }
        self.cacheEnabled = cacheEnabled
    }

    /// All readings of `word`, which must be lower-cased already; empty when Voikko does not know it.
    public func readings(ofLowercased word: String) -> [FinnishLexicon.Analysis] {
        if cacheEnabled, let cached = cache[word] { return cached }
        analysed += 1
        let readings = lexicon.analyse(word)
        guard cacheEnabled else { return readings }
        if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
        cache[word] = readings
        return readings
    }
}
