import ArgumentParser
import EloPipeline
import Foundation

/// `elo backup FILE`: a consistent copy of the index, safe while an ingest runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the index consistently to FILE (safe while an ingest runs).",
        discussion: """
            Copies the index with SQLite's online backup API: the copy is the index as it was at one \
            moment, even while `elo ingest` is writing (copying index.sqlite with cp during a run can give \
            a damaged copy, and misses what is still in index.sqlite-wal). The copy is one self-contained \
            file that the read-only commands (gaps, search, show, report) can use on read-only media with \
            --output or `elo check --index FILE`. It is checked (quick_check) and only then replaces FILE.

            Exit status: 0 copied; 1 no index, not an elo index, damaged, or FILE cannot be written (the \
            message says what to do); 64 bad arguments.

            Examples:
              elo backup --pipeline pipelines/elo-2014.yaml /srv/backup/elo-index-$(date +%F).sqlite
              elo backup --output out out-backup.sqlite && elo check --index out-backup.sqlite
            """)

    @OptionGroup var options: IndexOptions

    @Argument(help: ArgumentHelp("Where to write the copy (replaced if it exists).", valueName: "FILE"))
    var file: String

    func run() throws {
        do {
            let index = try options.indexFile()
            let destination = URL(fileURLWithPath: file)
            try IndexMaintenance.backup(index, to: destination)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
            print("elo backup: copied \(index.path) to \(destination.path) (\(bytes) bytes)")
        } catch {
            throw fail("backup", error)
        }
    }
}
