import EloClassification
import EloSettings
import Foundation
import Logging

/// `elo ingest` as one entry point: the pipeline file read once (ingest settings and labels, all checked before
/// any work), the run over the inbox (`IngestRun`), then the coverage reports and the run's coverage snapshot
/// (`ReportJob`), a report failure recorded in the run.
public struct NightlyIngest: Sendable {
    /// What the command line says beyond the pipeline file.
    public struct Options: Sendable {
        public var inbox: URL?
        public var output: URL?
        public var workers: Int?
        public var allowWithdraw = false
        public var retry: [String] = []
        public var retryFailed = false
        public var waitForLock = false

        public init() {}
    }

    /// The run's summary, and why the reports could not be written (nil when they were, or were not due).
    public struct Outcome: Sendable {
        public var summary: IngestSummary
        public var reportFailure: String?
    }

    public let file: PipelineFile
    public private(set) var run: IngestRun
    /// The label sets as the configuration read them, for the reports (the files are read once a run).
    let labelSets: [LabelSet]?

    /// Reads and checks the pipeline file and everything it names; the first problem stops here.
    public init(pipeline: URL, options: Options, logger: Logger) throws(ConfigurationError) {
        file = try PipelineFile.read(pipeline)
        var settings = try IngestSettings(file, inbox: options.inbox, output: options.output)
        let labels = settings.classifies ? try PipelineConfiguration(file) : nil
        labelSets = labels?.labelSets
        if let workers = options.workers { settings.workers = workers }
        settings.allowWithdraw = options.allowWithdraw
        settings.retry = options.retry
        settings.retryFailed = options.retryFailed
        run = IngestRun(
            settings: settings, workerExecutable: WorkerProgram.executable(),
            classifier: { analyses in try labels.map { try IngestLabeller(configuration: $0, analyses: analyses) } },
            waitForLock: options.waitForLock, logger: logger)
        run.labelSetVersion = labels.map(IngestLabeller.fingerprint)
    }

    /// The run, then the reports (unless it was interrupted or does not classify).
    public func perform(progress: @escaping @Sendable (Int, Int, String) -> Void) throws(PipelineFailure) -> Outcome {
        let summary = try run.run(progress: progress)
        guard run.settings.classifies, summary.outcome != "interrupted" else { return Outcome(summary: summary) }
        do {
            var job = try ReportJob.load(file, output: run.settings.output, labelSets: labelSets)
            job.inbox = run.settings.inbox
            job.snapshotRun = summary.run
            try job.writeIfChanged(generated: String(ISO8601DateFormatter().string(from: Date()).prefix(10)))
            return Outcome(summary: summary)
        } catch {
            return Outcome(summary: run.recordReportsFailed(summary), reportFailure: "\(error)")
        }
    }
}
