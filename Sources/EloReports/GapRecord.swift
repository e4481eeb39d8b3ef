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

        enum CodingKeys: String, CodingKey {
            case document, page, quote, score
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
        }
    }

    public var region: String
    public var set: String
    public var label: String
    public var level: CoverageLevel
    public var evidence: [Quote]
    public var nearMisses: [Quote]

    public init(region: String, set: String, label: String, level: CoverageLevel, evidence: [Quote], nearMisses: [Quote]) {
        self.region = region
        self.set = set
        self.label = label
        self.level = level
        self.evidence = evidence
        self.nearMisses = nearMisses
    }

    enum CodingKeys: String, CodingKey {
        case region, set, label, level, evidence
        case nearMisses = "near_misses"
    }
}
