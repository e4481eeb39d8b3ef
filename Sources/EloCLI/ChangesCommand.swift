import ArgumentParser
import EloCore
import EloPipeline
import EloReports
import Foundation

/// `elo changes`: the regions' coverage history — which goals changed level, when, and which document version
/// decided it — for scripts and people.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List the goals whose level changed, between runs and between document versions.",
        discussion: """
            Every ingest run that writes reports keeps each region's coverage in the index when it changed; the \
            changes between those snapshots (basis previous-run) and between the versions of a region's documents \
            (previous-version, assessed with today's labels and thresholds) are listed oldest first, one line each: \
            date, region, goal, old → new level, basis, the document version that decided it. JSON is a list of \
            {"region", "label_set", "label", "basis", "from", "to", "direction", "date", "previous_date", "run", \
            "previous_run", "document", "version", "evidence_before", "evidence_after"} (evidence: {"document", \
            "page", "quote"}; every key always present, null when empty).

            Examples:
              elo changes --pipeline pipelines/elo-2014.yaml
              elo changes --pipeline pipelines/elo-2014.yaml --since 2026-01-01 --region lappi --json
            """)

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Only changes seen on or after this date (YYYY-MM-DD, or an ISO 8601 time).")
    var since: String?

    @Option(name: .long, help: "Only this region id (repeatable).")
    var region: [String] = []

    @Flag(name: .long, help: "Print the changes as JSON.")
    var json = false

    func validate() throws {
        if let since, since.wholeMatch(of: /\d{4}-\d{2}-\d{2}([T ][0-9:.]+Z?)?/) == nil {
            throw ValidationError("--since '\(since)' is not a date — give it as YYYY-MM-DD, e.g. --since 2026-01-01")
        }
    }

    func run() throws {
        do {
            let job = try options.job()
            try QueryFilters(regions: region, labels: []).check(against: job, command: "changes")
            let changes = try job.timeline().filtered(since: since, regions: region).changes
            try ReportOutput.write(changes, json: json, text: text)
        } catch {
            throw fail("changes", error)
        }
    }

    /// One line a change, or that there are none.
    func text(_ changes: [TimelineChange]) -> String {
        changes.isEmpty ? "no changes\(since.map { " since \($0)" } ?? "")\n" : changes.map(Self.line).joined()
    }

    /// `2026-11-26T02:30:00.000Z  lappi  okm2011.laatu  weak → covered  previous-run (since 2026-05-20…)  lappi/plan.pdf v2`
    static func line(_ change: TimelineChange) -> String {
        let version =
            change.decidedBy.map { "  " + LineSafeName.escape($0.document) + ($0.version.map { " v\($0)" } ?? "") }
            ?? ""
        return "\(change.date)  \(LineSafeName.escape(change.region))  \(LineSafeName.escape(change.label))  "
            + "\(change.from.rawValue) → \(change.to.rawValue)  \(change.basis.rawValue) (since \(change.previousDate))\(version)\n"
    }
}
