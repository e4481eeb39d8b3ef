/// A rectangle on a page in PDF points, origin at the top-left corner.
public struct Box: Sendable, Codable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// One line of raw text as the extractor found it, before normalisation.
public struct TextLine: Sendable, Codable, Hashable {
    /// What the source format says a line is, when it says so (Word styles and list numbering).
    public enum Role: String, Sendable, Codable, Hashable {
        case heading
        case listItem = "list-item"
    }

    public var text: String
    /// Where the line sits on the page; `nil` for plain-text documents.
    public var box: Box?
    /// Set by extractors that know the structure (DOCX/ODT): the line is a whole heading or list item.
    public var role: Role?
    /// Mean recogniser confidence (0…1) of the line's words, for OCR'd lines only.
    public var confidence: Double?
    /// The whole line is set in a bold face (PDF text layers); `nil` otherwise. A short bold line of its own is a
    /// heading even when it is no larger than the body text.
    public var bold: Bool?

    public init(text: String, box: Box? = nil, role: Role? = nil, confidence: Double? = nil) {
        self.text = text
        self.box = box
        self.role = role
        self.confidence = confidence
    }
}

/// The raw lines of one page, in reading order.
public struct PageText: Sendable, Codable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var lines: [TextLine]
    /// Page size in points, when known (PDF pages).
    public var width: Double?
    public var height: Double?
    /// Mean recogniser confidence (0…1) over the page's words, when the page was OCR'd.
    public var ocrConfidence: Double?

    public init(
        number: Int, lines: [TextLine], width: Double? = nil, height: Double? = nil,
        ocrConfidence: Double? = nil
    ) {
        self.number = number
        self.lines = lines
        self.width = width
        self.height = height
        self.ocrConfidence = ocrConfidence
    }
}
