/// A quote the history shows as the evidence before or after a change: the document, its page and the text.
public struct TimelineEvidence: Sendable, Codable, Hashable {
    public var document: String
    public var page: Int
    public var quote: String

    public init(document: String, page: Int, quote: String) {
        self.document = document
        self.page = page
        self.quote = quote
    }
}
