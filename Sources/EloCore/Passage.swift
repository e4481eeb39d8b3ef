/// The unit the classifier labels: one heading, paragraph or list item, anchored to its page.
public struct Passage: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        case heading
        case paragraph
        case listItem = "list-item"
    }

    /// 1-based page number (plain-text documents are one page per form feed, else page 1).
    public var page: Int
    /// 0-based position of the passage on its page.
    public var index: Int
    public var kind: Kind
    public var language: Language
    /// Normalised text: NFC, ligatures expanded, line-break hyphens resolved, whitespace folded.
    public var text: String
    /// Labels from classification; `nil` until a passage has been classified (and then omitted from JSON).
    public var labels: [PassageLabel]?
    /// Labels that scored below their threshold but at least the pipeline's near-miss score: not given,
    /// shown beside gaps so an analyst can tell a real gap from a wording the cues missed. `nil` when not kept.
    public var nearMisses: [PassageLabel]?
    /// Mean recogniser confidence (0…1) of the passage's lines when it came from OCR; `nil` otherwise.
    public var ocrConfidence: Double?

    public init(
        page: Int, index: Int, kind: Kind, language: Language, text: String, labels: [PassageLabel]? = nil,
        ocrConfidence: Double? = nil, nearMisses: [PassageLabel]? = nil
    ) {
        self.page = page
        self.index = index
        self.kind = kind
        self.language = language
        self.text = text
        self.labels = labels
        self.nearMisses = nearMisses
        self.ocrConfidence = ocrConfidence
    }
}
