/// A report command that cannot go on (no index, bad pipeline file, bad query), in words for a person.
public struct ReportFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
