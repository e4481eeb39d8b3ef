/// Everything the reports say about one region: its documents, a result per label, and changes.
public struct RegionCoverage: Sendable, Codable, Hashable {
    /// The region's id (`lappi`), used in file names and links after sanitising.
    public var region: String
    /// The region's name for people (`Lappi / Lappland`).
    public var name: String
    /// The latest document versions, readable or not.
    public var documents: [CoverageDocument]
    /// One entry per label of the pipeline's sets, in the sets' order.
    public var labels: [LabelCoverage]
    /// Level changes since the previous run and since the previous document versions.
    public var changes: [CoverageChange]

    public init(
        region: String, name: String, documents: [CoverageDocument], labels: [LabelCoverage],
        changes: [CoverageChange] = []
    ) {
        self.region = region
        self.name = name
        self.documents = documents
        self.labels = labels
        self.changes = changes
    }

    /// Whether any document could be read: when none could, every label is `notAssessed`.
    public var isAssessed: Bool { documents.contains { $0.status.isReadable } }

    /// Documents that could not be read: a gap found without them may not be a real gap.
    public var unreadableDocuments: [CoverageDocument] { documents.filter { !$0.status.isReadable } }

    public func coverage(of label: String) -> LabelCoverage? { labels.first { $0.label.id == label } }
}
