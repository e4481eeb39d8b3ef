import EloIndex
import Foundation

/// The index's upkeep commands (`elo check`, `elo backup`, `elo rebuild-search`): each takes the index file,
/// never migrates it, and fails with an `IndexProblem` that says what to do.
public enum IndexMaintenance {
    /// What `elo check` found.
    public struct CheckResult: Sendable, Codable {
        public var index: String
        public var healthy: Bool
        /// Empty when healthy; otherwise SQLite's and FTS5's findings.
        public var findings: [String]
        /// What to do, when damaged.
        public var advice: String?
    }

    /// Full `integrity_check` and the FTS5 check of the search index.
    public static func check(_ indexFile: URL) throws(IndexProblem) -> CheckResult {
        let findings = try IndexStore.check(indexFile)
        return CheckResult(
            index: indexFile.path, healthy: findings.isEmpty, findings: findings,
            advice: findings.isEmpty ? nil : IndexProblem.damaged(indexFile, findings: findings).fix)
    }

    /// A consistent copy of the index at `destination`, safe while a run is writing.
    public static func backup(_ indexFile: URL, to destination: URL) throws(IndexProblem) {
        let source = indexFile.standardizedFileURL.resolvingSymlinksInPath().path
        guard destination.standardizedFileURL.resolvingSymlinksInPath().path != source else {
            throw IndexProblem.unusable(
                destination.path, problem: "the backup would overwrite the index itself",
                fix: "give another FILE, e.g. \(indexFile.deletingLastPathComponent().path)/index-backup.sqlite")
        }
        try IndexStore.backup(indexFile, to: destination)
    }

    /// Rebuilds the search index from the passages, holding the run lock of the index's folder (an ingest
    /// cannot run meanwhile); returns the findings of the search index's check afterwards (empty: repaired).
    /// Any failure to take the lock is `.locked` here (exit status 75, as `elo rebuild-search` has always had).
    public static func rebuildSearch(_ indexFile: URL) throws(PipelineFailure) -> [String] {
        guard FileManager.default.fileExists(atPath: indexFile.path) else {
            throw PipelineFailure(
                IndexProblem.unusable(
                    indexFile.path, problem: "there is no index here",
                    fix: "check `output:` in the pipeline file or --output"
                ).description)
        }
        let lock: RunLock
        do {
            lock = try RunLock(
                url: indexFile.deletingLastPathComponent().appendingPathComponent(IngestRun.lockFileName), wait: false)
        } catch {
            throw PipelineFailure(error.message, kind: .locked)
        }
        defer { lock.release() }
        do {
            let store = try IndexStore(url: indexFile)
            try store.rebuildSearch()
            return try IndexStore.check(indexFile)
        } catch let problem as IndexProblem {
            throw PipelineFailure(problem.description)
        } catch {
            let problem =
                (IndexProblem.explaining(error, file: indexFile) as? IndexProblem)
                ?? IndexProblem.unusable(indexFile.path, problem: "\(error)", fix: "run `elo check`")
            throw PipelineFailure(problem.description)
        }
    }
}
