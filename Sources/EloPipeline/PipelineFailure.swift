/// Why a pipeline step could not go on — an ingest run, `elo rebuild-search`, a report command — in words for
/// a person: `message` names the file, what is wrong and what to do. The one error type of EloPipeline.
public struct PipelineFailure: Error, CustomStringConvertible, Sendable {
    /// What kind of failure; it decides the exit status.
    public enum Kind: String, Sendable {
        /// Another run holds the run lock of the output folder: exit status 75 (try later, or wait).
        case locked
        /// The step could not start or broke (configuration, inbox, index, output folder, query): exit status 1.
        case stopped
    }

    public var kind: Kind
    public var message: String

    public init(_ message: String, kind: Kind = .stopped) {
        self.message = message
        self.kind = kind
    }

    /// The status elo exits with: 75 when locked, otherwise 1.
    public var exitCode: Int32 { kind == .locked ? 75 : 1 }

    public var description: String { message }
}
