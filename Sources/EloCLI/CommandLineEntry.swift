import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension EloCommand {
    /// The version `elo --version` prints.
    public static let version = "2.0.0"

    /// Runs elo with the process's arguments and exits, keeping the command-line contracts every command shares:
    /// bare `elo` prints a short usage and exits 64; every failure is written to standard error, and with `--json`
    /// a command that stops without printing its own JSON prints `{"error": "...", "exit": N}` on standard output
    /// (for 1, 64 and 75 alike), so a script reading the output always gets a JSON object.
    public static func runFromCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async
        -> Never
    {
        if arguments.isEmpty {
            FileHandle.standardError.write(Data(shortUsage.utf8))
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        if arguments == ["--version"] {
            print(version)
            Glibc.exit(0)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Glibc.exit(0)
        } catch {
            report(error, json: asksForJSON(arguments))
        }
    }

    /// Writes what a person and a script need to know about `error`, then exits with its status.
    static func report(_ error: any Error, json: Bool) -> Never {
        let code = (error as? CommandFailure)?.exitCode ?? exitCode(for: error).rawValue
        let message = (error as? CommandFailure)?.message ?? message(for: error)
        // A bare exit status comes after the command printed its own output (JSON included) and any message.
        if json, code != 0, !(error is ExitCode) {
            try? JSONOutput.write(JSONFailure(error: message, exit: code))
        }
        if let failure = error as? CommandFailure {
            FileHandle.standardError.write(Data("\(failure.standardErrorLine)\n".utf8))
            Glibc.exit(failure.exitCode)
        }
        exit(withError: error)
    }

    /// Whether `--json` is among the options (before a `--` that ends them).
    static func asksForJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// What bare `elo` prints: the commands in one line each, and where to read more.
    static var shortUsage: String {
        var commands: [(name: String, abstract: String)] = []
        for subcommand in configuration.subcommands {
            let shown = subcommand.configuration
            if shown.shouldDisplay { commands.append((shown.commandName ?? "", shown.abstract)) }
        }
        let width = commands.map(\.name.count).max() ?? 0
        let lines = commands.map {
            "  \($0.name)\(String(repeating: " ", count: width - $0.name.count))  \($0.abstract)"
        }
        return "usage: elo <command> [options]\n\n" + lines.joined(separator: "\n")
            + "\n\nSee `elo <command> --help` for a command's options and examples, `elo --version` for the version.\n"
    }
}
