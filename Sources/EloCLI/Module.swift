import ArgumentParser

/// The `elo` command: parses arguments and calls the pipeline, nothing more.
public struct EloCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "elo",
        abstract: "Ingest regional lifelong-guidance (ELO) strategy documents and report coverage gaps.",
        subcommands: [
            ExtractCommand.self, ClassifyCommand.self, EvalCommand.self, TrainCommand.self, IngestCommand.self,
            ReportCommand.self, GapsCommand.self, SearchCommand.self, ShowCommand.self, CheckCommand.self, BackupCommand.self,
            RebuildSearchCommand.self, WorkerCommand.self,
        ])
    public init() {}
}
