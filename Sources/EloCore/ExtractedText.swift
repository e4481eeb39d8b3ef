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
}

extension ExtractedText {
    /// A reading that has not got anywhere yet: `failed`, no pages, until the extractor reads the file and says
    /// otherwise. Every extractor starts from one; a file that cannot even be opened stays one, with its
    /// `diagnostics` saying why.
    public init(
        path: String, sha256: String, byteCount: Int, method: ExtractionMethod, diagnostics: [Diagnostic] = []
    ) {
        self.init(
            path: path, sha256: sha256, byteCount: byteCount, pageCount: 0, status: .failed, method: method,
            pages: [], diagnostics: diagnostics)
    }
}
