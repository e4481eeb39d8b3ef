/// Guards that keep one bad document from using unbounded time or memory.
public struct ExtractionLimits: Sendable, Hashable {
    /// Pages read from one PDF; a document claiming more is read up to here and marked partial.
    public var maxPages: Int
    /// Files larger than this are not read at all.
    public var maxFileBytes: Int
    /// A page whose text is larger than this (UTF-8 bytes) is cut at a line end.
    public var maxPageTextBytes: Int
    /// Text kept from one document (UTF-8 bytes, the pipeline file's `limits.max_text_mb`): the rest is cut at
    /// a paragraph or line end and the document is `partial` (``TextBudget``).
    public var maxTextBytes: Int

    /// `limits.max_text_mb` when the pipeline file does not set it.
    public static let defaultMaxTextMB = 10

    public init(
        maxPages: Int = 5000, maxFileBytes: Int = 512 << 20, maxPageTextBytes: Int = 4 << 20,
        maxTextBytes: Int = defaultMaxTextMB << 20
    ) {
        self.maxPages = maxPages
        self.maxFileBytes = maxFileBytes
        self.maxPageTextBytes = maxPageTextBytes
        self.maxTextBytes = maxTextBytes
    }
}
