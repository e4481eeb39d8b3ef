/// A submitted document after extraction and normalisation: what `elo extract --json` prints per file.
public struct Document: Sendable, Codable, Hashable {
    public var path: String
    public var sha256: String
    public var pages: Int
    public var language: Language
    public var status: ExtractionStatus
    public var method: ExtractionMethod
    public var encoding: String?
    public var diagnostics: [Diagnostic]
    public var passages: [Passage]
    /// Mean recogniser confidence (0…1) when the text came from OCR, so analysts can weigh the evidence.
    public var ocrConfidence: Double?

    public init(
        path: String, sha256: String, pages: Int, language: Language, status: ExtractionStatus,
        method: ExtractionMethod, encoding: String? = nil, diagnostics: [Diagnostic], passages: [Passage],
        ocrConfidence: Double? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.pages = pages
        self.language = language
        self.status = status
        self.method = method
        self.encoding = encoding
        self.diagnostics = diagnostics
        self.passages = passages
        self.ocrConfidence = ocrConfidence
    }
}
