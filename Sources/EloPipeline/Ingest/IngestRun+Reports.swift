import EloIndex
import Foundation

extension IngestRun {
    /// The outcome of a run whose documents were indexed but whose reports could not be written.
    public static let reportsFailed = "reports-failed"

    /// Records that the reports after `summary`'s run could not be written: the run's row in the index and its
    /// summary file say `reports-failed` with exit status 1, as the process exits. Returns the summary as changed.
    public func recordReportsFailed(_ summary: IngestSummary) -> IngestSummary {
        var changed = summary
        changed.outcome = Self.reportsFailed
        changed.exitCode = 1
        if let store = try? IndexStore(url: settings.output.appendingPathComponent(Self.indexFileName)) {
            try? store.setRunOutcome(summary.run, outcome: Self.reportsFailed)
        }
        try? RunSummaryArchive(
            folder: settings.output.appendingPathComponent("runs"), keep: settings.keepRuns, logger: logger
        )
        .store(changed)
        return changed
    }
}
