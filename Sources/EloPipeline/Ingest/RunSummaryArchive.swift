import EloCore
import Foundation
import Logging

/// The run summaries in `<output>/runs/`: one `run-<start>-<id>.json` per ingest run (the summary `--json`
/// prints), of which the newest `keep` (`keep_runs:`, default 400: more than a year of nights) are kept.
/// Older ones are deleted after each run, so a nightly job does not fill the disk.
struct RunSummaryArchive {
    var folder: URL
    var keep: Int
    var logger: Logger

    /// The prefix and extension of every summary file; nothing else in the folder is touched.
    static let prefix = "run-"
    static let suffix = ".json"

    /// Writes the summary, then deletes the oldest beyond `keep`. Failing to delete an old summary is logged,
    /// not fatal: the index is already committed.
    func store(_ summary: IngestSummary) throws(PipelineFailure) {
        let stamp = summary.startedAt.replacingOccurrences(of: ":", with: "")
        let file = folder.appendingPathComponent("\(Self.prefix)\(stamp)-\(summary.run)\(Self.suffix)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try encoder.encode(summary).write(to: file, options: .atomic)
        } catch {
            let fix =
                PermissionAdvice.isPermissionProblem(error)
                ? PermissionAdvice.fix(for: folder.path, write: true)
                : "check that the disk is not full and the folder is writable"
            throw PipelineFailure(
                "the index is up to date, but the run summary \(file.path) could not be written (\(error.localizedDescription)) — \(fix)"
            )
        }
        prune()
    }

    /// Deletes the oldest summaries beyond `keep`. Names start with the run's start time (ISO 8601, UTC), so
    /// their order by name is their order in time.
    func prune() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let summaries = names.filter { $0.hasPrefix(Self.prefix) && $0.hasSuffix(Self.suffix) }.sorted()
        for name in summaries.dropLast(keep) {
            do { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) } catch {
                logger.warning(
                    "cannot delete an old run summary (keep_runs: \(keep)) — check the permissions of \(folder.path)",
                    metadata: ["path": "\(LineSafeName.escape(name))", "error": "\(error.localizedDescription)"])
            }
        }
    }
}
