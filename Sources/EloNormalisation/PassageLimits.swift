/// How much of one document becomes passages: at most `maxPassages` passages (the pipeline file's
/// `limits.max_passages`; the rest is left out and the document is `partial`), none longer than
/// `maxPassageBytes` (a longer paragraph — a text without blank lines — is split at sentence ends,
/// ``LongPassageSplitter``).
public struct PassageLimits: Sendable, Hashable {
    public var maxPassages: Int
    public var maxPassageBytes: Int

    /// `limits.max_passages` when the pipeline file does not set it: a hundred times the passages of the
    /// longest plan in the sample corpus and the seeds, and more than 5,000 pages of ordinary paragraphs.
    public static let defaultMaxPassages = 20_000
    /// About two pages of running text: the longest real paragraph in the corpus, the seeds and the shared
    /// test data is well under half of it.
    public static let defaultMaxPassageBytes = 8_000

    public init(maxPassages: Int = defaultMaxPassages, maxPassageBytes: Int = defaultMaxPassageBytes) {
        self.maxPassages = maxPassages
        self.maxPassageBytes = maxPassageBytes
    }
}
