/// A document version as the history names it: the document's path (relative to the inbox) and its version
/// number (1, 2, … oldest first; `nil` when not known).
public struct DocumentVersionReference: Sendable, Codable, Hashable {
    public var document: String
    public var version: Int?

    public init(document: String, version: Int? = nil) {
        self.document = document
        self.version = version
    }
}
