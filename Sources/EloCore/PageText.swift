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
    public var text: String
    /// Where the line sits on the page; `nil` for plain-text documents.
    public var box: Box?

    public init(text: String, box: Box? = nil) {
        self.text = text
        self.box = box
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

    public init(number: Int, lines: [TextLine], width: Double? = nil, height: Double? = nil) {
        self.number = number
        self.lines = lines
        self.width = width
        self.height = height
    }
}
