/// One version of a document that has more than one, as the history between versions needs it: its place
/// (`number`, oldest first), content, status and when the index first saw it.
public struct RevisedVersion: Sendable, Hashable {
    public var region: String
    public var document: Int64
    public var id: Int64
    public var number: Int
    public var path: String
    public var sha256: String
    /// `ok`, `partial`, `failed`, … (`ExtractionStatus`'s raw values).
    public var status: String
    public var firstSeen: String
    public var isCurrent: Bool
}
