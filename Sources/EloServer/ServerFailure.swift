/// Why `elo serve` could not start or answer, for a person: what is wrong and what to do.
public struct ServerFailure: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
