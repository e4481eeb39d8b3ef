/// What the extraction stage hands to normalisation: a document's raw page texts and what went wrong.
public struct ExtractedText: Sendable, Codable, Hashable {
    public var path: String
    /// Hex SHA-256 of the file's bytes; empty when the file could not be read at all.
    public var sha256: String
    public var byteCount: Int
    public var pageCount: Int
    public var status: ExtractionStatus
    public var method: ExtractionMethod
    /// For plain-text files: the character encoding that was assumed (e.g. `windows-1252`).
    public var encoding: String?
    public var pages: [PageText]
    public var diagnostics: [Diagnostic]
    /// Mean recogniser confidence (0…1) over all OCR'd words; `nil` unless `method` is `ocr`.
    public var ocrConfidence: Double?

    public init(
        path: String, sha256: String, byteCount: Int, pageCount: Int, status: ExtractionStatus,
        method: ExtractionMethod, encoding: String? = nil, pages: [PageText], diagnostics: [Diagnostic],
        ocrConfidence: Double? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
        self.pageCount = pageCount
        self.status = status
        self.method = method
        self.encoding = encoding
        self.pages = pages
        self.diagnostics = diagnostics
        self.ocrConfidence = ocrConfidence
    }
}
