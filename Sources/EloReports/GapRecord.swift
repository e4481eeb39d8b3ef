import EloCore

/// One line of `elo gaps`: the contracted JSON shape
/// `{"region", "set", "label", "level", "evidence": [{"document", "page", "quote", "score"}], "near_misses": […]}`.
public struct GapRecord: Sendable, Codable, Hashable {
    /// A passage as `elo gaps` shows it.
    public struct Quote: Sendable, Codable, Hashable {
        public var document: String
        public var page: Int
        public var quote: String
        public var score: Double
        /// Present when the quote's text came from OCR: the recogniser's confidence (0–1).
        public var ocrConfidence: Double?
        /// Present on a near-miss or a passing mention: why it did not count.
        public var reason: NearMissReason?

        enum CodingKeys: String, CodingKey {
            case document, page, quote, score, reason
            case ocrConfidence = "ocr_confidence"
        }

        public init(document: String, page: Int, quote: String, score: Double, ocrConfidence: Double? = nil) {
            self.document = document
            self.page = page
            self.quote = quote
            self.score = score
            self.ocrConfidence = ocrConfidence
        }

        init(_ evidence: CoverageEvidence) {
            self.init(
                document: evidence.document, page: evidence.page, quote: evidence.quote, score: evidence.score,
                ocrConfidence: evidence.ocrConfidence)
            reason = evidence.reason
        }
    }

    /// A document of the region that could not be read in full, so the level may change once it is.
    public struct IncompleteDocument: Sendable, Codable, Hashable {
        public var document: String
        public var status: ExtractionStatus
        /// What to do: the document's first error or warning, else advice for its status.
        public var action: String

        init(_ document: CoverageDocument) {
            self.document = document.path
            status = document.status
            let message = document.diagnostics.first { $0.severity >= .warning && $0.id != "extraction.xref-repaired" }?
                .message
            // the message often starts with the document's path, which the record names already
            let unnamed = message.map {
                $0.hasPrefix(document.path + ": ") ? String($0.dropFirst(document.path.count + 2)) : $0
            }
            action = unnamed ?? Self.advice[document.status] ?? ""
        }

        static let advice: [ExtractionStatus: String] = [
            .partial: "some pages could not be read — ask the region for a new copy",
            .failed: "the file could not be read — ask the region for a new copy",
            .needsPassword:
                "encrypted — add the password under passwords in the pipeline file, or ask for an unprotected copy",
            .needsOCR: "scanned without a text layer — turn OCR on (ocr: auto) or ask for a PDF with text",
        ]
    }

    public var region: String
    public var set: String
    public var label: String
    public var level: CoverageLevel
    public var evidence: [Quote]
    public var nearMisses: [Quote]
    /// Present when the region has documents that could not be read in full and the level is a gap.
    public var incompleteDocuments: [IncompleteDocument]?

    enum CodingKeys: String, CodingKey {
        case region, set, label, level, evidence
        case nearMisses = "near_misses"
        case incompleteDocuments = "incomplete_documents"
    }
}
