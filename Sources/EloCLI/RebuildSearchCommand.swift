import ArgumentParser
import EloPipeline
import Foundation

/// `elo rebuild-search`: rebuilds the full-text search index from the stored passages.
struct RebuildSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild-search",
        abstract: "Rebuild the search index (passages_fts) from the stored passages.",
        discussion: """
            Repairs a damaged search index, which `elo check` and the health check at the start of \
            `elo ingest` report as "search index passages_fts does not match the passages". Passages, \
            labels and documents are not touched. Holds the ingest lock of the output folder meanwhile.

            Exit status: 0 rebuilt and checked; 1 no index, not an elo index, or still damaged after \
            rebuilding (then restore a backup); 75 an ingest is running (try again after it); 64 bad arguments.

            Example:
              elo rebuild-search --pipeline pipelines/elo-2014.yaml && elo check --pipeline pipelines/elo-2014.yaml
            """)

    @OptionGroup var options: IndexOptions

    func run() throws {
        let index: URL
        do { index = try options.indexFile() } catch { throw fail("rebuild-search", error) }
        let findings: [String]
        do { findings = try IndexMaintenance.rebuildSearch(index) } catch {
            throw CommandFailure("elo rebuild-search: \(error)", exitCode: error.exitCode)
        }
        guard findings.isEmpty else {
            throw fail(
                "rebuild-search",
                PipelineFailure(
                    "\(index.path): still damaged after rebuilding the search index (\(findings.joined(separator: "; "))) — restore the last backup made with `elo backup`, or move the index away and run `elo ingest` to build a new one"
                ))
        }
        print("elo rebuild-search: rebuilt the search index of \(index.path)")
    }
}
