import EloCore

/// Everything the writer needs to commit one newly read file content in one transaction.
public struct IndexedVersion: Sendable {
    /// Path relative to the inbox, with `/` separators.
    public var path: String
    public var bytes: Int64
    public var mtimeNanoseconds: Int64
    public var region: String
    /// How the region was found: `folder`, `sidecar`, `text` or `none`.
    public var regionSource: String
    public var round: String?
    public var documentType: String?
    /// Files with the same key in the same region are versions of one document (see `InboxFile.versionKey`).
    public var versionKey: String
    /// The read document; its `sha256` identifies the content.
    public var document: Document
    /// One base-form text per passage, in the order of `document.passages`.
    public var baseTexts: [String]
    /// Fingerprint of the label definitions that produced the passages' labels; nil when unclassified.
    public var labelSetVersion: String?
    /// How the file was read when that matters for reading it again (`IngestReadConditions`): the password
    /// tried and whether OCR was on. A needs-password or needs-ocr version is read again only when it changes.
    public var readWith: String?
    /// Content the index has, read again on purpose (`elo ingest --retry`, a re-sent file whose reading failed):
    /// the new reading replaces the stored one.
    public var replacesReading = false

    public init(
        path: String, bytes: Int64, mtimeNanoseconds: Int64, region: String, regionSource: String,
        round: String?, documentType: String?, versionKey: String, document: Document, baseTexts: [String],
        labelSetVersion: String?, readWith: String? = nil
    ) {
        self.path = path
        self.bytes = bytes
        self.mtimeNanoseconds = mtimeNanoseconds
        self.region = region
        self.regionSource = regionSource
        self.round = round
        self.documentType = documentType
        self.versionKey = versionKey
        self.document = document
        self.baseTexts = baseTexts
        self.labelSetVersion = labelSetVersion
        self.readWith = readWith
    }
}

/// What committing a file did to the index.
public enum CommitOutcome: String, Sendable, Codable {
    /// A document the index had never seen.
    case newDocument = "new-document"
    /// A new version of a document already in the index; the old version stays in history.
    case newVersion = "new-version"
    /// The content was already indexed (a renamed or duplicated file): only the file's location was recorded.
    case linked
    /// Content stored as needs-password or needs-ocr was read again (a password given, OCR on): its reading
    /// was replaced in place.
    case reread
}

/// A file location the index knows, for the no-reading change check (size and modification time).
public struct KnownFile: Sendable, Hashable {
    public var path: String
    public var bytes: Int64
    public var mtimeNanoseconds: Int64
    public var sha256: String
    public var status: ExtractionStatus
    public var removed: Bool
    /// How its content was last read (`IndexedVersion.readWith`); nil in an index older than that column.
    public var readWith: String?
}

/// A stored passage, for re-classification without re-extraction.
public struct StoredPassage: Sendable, Hashable {
    public var id: Int64
    public var passage: Passage
}
