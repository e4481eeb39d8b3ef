import EloCore

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
    /// The region's language as its region file gives it (`language: sv`); `nil` when it gives none.
    public var language: Language?

    public init(
        region: String, name: String, documents: [CoverageDocument], labels: [LabelCoverage],
        changes: [CoverageChange] = [], language: Language? = nil
    ) {
        self.region = region
        self.name = name
        self.documents = documents
        self.labels = labels
        self.changes = changes
        self.language = language
    }

    /// The language the region's page is written in: the region file's, else Swedish when every readable
    /// document is Swedish, else Finnish.
    public var pageLanguage: Language {
        if let language { return language }
        let readable = documents.filter { $0.status.isReadable }
        return !readable.isEmpty && readable.allSatisfy { $0.language == .swedish } ? .swedish : .finnish
    }

    /// Whether any document could be read: when none could, every label is `notAssessed`.
    public var isAssessed: Bool { documents.contains { $0.status.isReadable } }

    /// Documents that could not be read: a gap found without them may not be a real gap.
    public var unreadableDocuments: [CoverageDocument] { documents.filter { !$0.status.isReadable } }

    /// Documents that could not be read, or were read only in part: a gap may be covered in what is missing.
    public var incompleteDocuments: [CoverageDocument] {
        documents.filter { !$0.status.isReadable || $0.status == .partial }
    }

    /// Whether a label at `level` may be different once every document is read: a weak or uncovered goal in
    /// a region with an incomplete document.
    public func dependsOnIncompleteDocuments(_ level: CoverageLevel) -> Bool {
        level.isGap && !incompleteDocuments.isEmpty
    }

    public func coverage(of label: String) -> LabelCoverage? { labels.first { $0.label.id == label } }
}
