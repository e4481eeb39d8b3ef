import ArgumentParser

/// The `elo` command: parses arguments and calls the pipeline, nothing more.
public struct EloCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "elo",
        abstract: "Ingest regional lifelong-guidance (ELO) strategy documents and report coverage gaps.",
        // `elo --version` is answered by `runFromCommandLine`: ArgumentParser's own flag would also appear in every
        // subcommand's help, beside `elo show --version N` (a document's version).
        discussion: "`elo --version` prints the version. Bare `elo` prints a short usage and exits with status 64.",
        subcommands: [
            ExtractCommand.self, ClassifyCommand.self, EvalCommand.self, TrainCommand.self, IngestCommand.self,
            ReportCommand.self, GapsCommand.self, ChangesCommand.self, SearchCommand.self, ShowCommand.self,
            CheckCommand.self,
            BackupCommand.self, RebuildSearchCommand.self, ServeCommand.self, WorkerCommand.self,
        ])
    public init() {}
}
