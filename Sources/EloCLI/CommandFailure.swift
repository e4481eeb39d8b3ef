/// Why a command stopped, for a person: `message` names the file, what is wrong and what to do; `exitCode` is
/// the status elo exits with (1 could not start or broke, 64 bad arguments, 75 another run holds the lock).
/// `EloCommand.runFromCommandLine` writes the message to standard error, and with `--json` also prints
/// `{"error": message, "exit": exitCode}` on standard output. The one error type of EloCLI.
struct CommandFailure: Error, CustomStringConvertible {
    /// What kind of failure; it decides how standard error shows the message.
    enum Kind {
        /// A command stopped: the message as it is.
        case stopped
        /// A pipeline, label-set or label file cannot be used (file and line in the message).
        case configuration
        /// A problem with the machine's set-up (a missing system library), not with a document.
        case setup
    }

    var kind: Kind
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.init(kind: .stopped, message: message, exitCode: exitCode)
    }

    private init(kind: Kind, message: String, exitCode: Int32) {
        self.kind = kind
        self.message = message
        self.exitCode = exitCode
    }

    /// A pipeline, label-set or label file that cannot be used: exit status 1, `elo: <file>:<line>: <problem>`.
    static func configuration(_ error: any Error) -> CommandFailure {
        CommandFailure(kind: .configuration, message: "elo: \(error)", exitCode: 1)
    }

    /// The machine cannot run the command (a missing system library): exit status 1.
    static func setup(_ problem: String) -> CommandFailure {
        CommandFailure(kind: .setup, message: "elo: cannot start: \(problem)", exitCode: 1)
    }

    var description: String { message }

    /// The line standard error shows. Configuration and set-up failures keep the `Error: ` prefix they have
    /// always been written with (scripts may match it); `--json` output has the message without it.
    var standardErrorLine: String {
        kind == .stopped ? message : "Error: \(message)"
    }
}

/// What `--json` prints when a command stops without its own JSON: `{"error": "...", "exit": N}`.
struct JSONFailure: Encodable {
    var error: String
    var exit: Int32
}
