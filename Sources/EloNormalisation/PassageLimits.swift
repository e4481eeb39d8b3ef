/// How much of one document becomes passages: at most `maxPassages` passages (the pipeline file's
/// `limits.max_passages`; the rest is left out and the document is `partial`), none longer than
/// `maxPassageBytes` (a longer paragraph — a text without blank lines — is split at sentence ends,
/// ``LongPassageSplitter``).
public struct PassageLimits: Sendable, Hashable {
    public var maxPassages: Int
    public var maxPassageBytes: Int

    /// `limits.max_passages` when the pipeline file does not set it: 30 times the most passages of any document
    /// in the sample corpus, the seeds and the shared test data (321). Ingest classifies and commits a
    /// document as a whole: 10,000 passages cost the ingest process about 170 MB more (measured peak 265–321 MB).
    public static let defaultMaxPassages = 10_000
    /// About two pages of running text: seven times the longest passage in the sample corpus, the seeds and the
    /// shared test data (1,138 bytes), so real paragraphs are never split.
    public static let defaultMaxPassageBytes = 8_000

    public init(maxPassages: Int = defaultMaxPassages, maxPassageBytes: Int = defaultMaxPassageBytes) {
        self.maxPassages = maxPassages
        self.maxPassageBytes = maxPassageBytes
    }
}
