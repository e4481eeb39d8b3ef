/// Why a command stopped, for a person: `message` names the file, what is wrong and what to do; `exitCode` is
/// the status elo exits with (1 could not start or broke, 64 bad arguments, 75 another run holds the lock).
/// `EloCommand.runFromCommandLine` writes the message to standard error, and with `--json` also prints
/// `{"error": message, "exit": exitCode}` on standard output.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}

/// What `--json` prints when a command stops without its own JSON: `{"error": "...", "exit": N}`.
struct JSONFailure: Encodable {
    var error: String
    var exit: Int32
}
