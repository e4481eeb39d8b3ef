import ArgumentParser
import EloPipeline
import Foundation

/// `elo check`: the full integrity check of the index and its search index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the index for damage (SQLite integrity_check and the search index).",
        discussion: """
            Runs SQLite's full `PRAGMA integrity_check` on the index and FTS5's integrity check of the \
            search index (passages_fts) against the passages. Nothing is changed and the index is not \
            migrated. Every `elo ingest` runs the quicker `PRAGMA quick_check` and the search-index check \
            before it writes, and refuses a damaged index.

            When damaged: if only the search index is, `elo rebuild-search` repairs it; otherwise restore \
            the last copy made with `elo backup`, or move the index away and run `elo ingest` to build a \
            new one from the inbox. A file opened read-only (read-only media) gets SQLite's check only.

            Exit status: 0 healthy; 1 damaged, not an elo index, or no index (the message says what to do); \
            64 bad arguments.

            Examples:
              elo check --pipeline pipelines/elo-2014.yaml
              elo check --index /mnt/backup/index-2026-12-01.sqlite --json
            """)

    @OptionGroup var options: IndexOptions

    @Flag(name: .long, help: "Print {\"index\", \"healthy\", \"findings\": [...], \"advice\"} as JSON.")
    var json = false

    func run() throws {
        let result: IndexMaintenance.CheckResult
        do { result = try IndexMaintenance.check(try options.indexFile()) } catch { throw fail("check", error) }
        if json {
            try JSONOutput.write(result)
        } else if result.healthy {
            print("\(result.index): healthy (integrity_check ok, search index ok)")
        } else {
            print("\(result.index): damaged")
            for finding in result.findings { print("  \(finding)") }
            if let advice = result.advice { print("what to do: \(advice)") }
        }
        if !result.healthy { throw ExitCode(1) }
    }
}
