import EloIndex
import Foundation

extension IngestSteps {
    /// Ends a run asked to stop: what was committed stays, the run is marked `interrupted` and one line is
    /// logged; linking, withdrawing and re-classifying are left to the next run, which also reads what was not.
    func interrupted(
        by signal: Int32, started: Date, files: Int, results: ReadResults, attention: [IngestSummary.AttentionItem]
    ) throws -> IngestSummary {
        let counts = try store.counters(ofRun: runID)
        let ended = Date()
        try store.finishRun(runID, outcome: "interrupted", filesSeen: files, endedAt: ended)
        let committed = (counts["new_documents"] ?? 0) + (counts["new_versions"] ?? 0) + results.linked
        run.logger.warning(
            "stopped by \(StopRequest.name(signal)): \(committed) documents committed; the next run reads the rest")
        var summary = IngestSummary(
            run: runID, startedAt: IndexStore.timestamp(started), endedAt: IndexStore.timestamp(ended),
            seconds: ended.timeIntervalSince(started), index: store.url.path, outcome: "interrupted",
            exitCode: 128 + signal, files: files, unchanged: counts["unchanged"] ?? 0,
            newDocuments: counts["new_documents"] ?? 0, newVersions: counts["new_versions"] ?? 0,
            linked: results.linked, withdrawn: 0, reclassified: 0, pages: results.pages,
            attention: attention.sorted { ($0.path, $0.problem) < ($1.path, $1.problem) })
        summary.workersStarted = results.workersStarted
        summary.workerPeakMemoryMB = results.workerPeakMemoryMB
        return summary
    }
}
