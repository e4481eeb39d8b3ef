import ArgumentParser
import EloCore
import EloPipeline
import EloReports
import Foundation

/// `elo search`: full-text search over the passages of the regions' current documents.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the passages of the index (Finnish by base form, Swedish by stem).",
        discussion: """
            Words are all required; `OR` between two words makes an alternative; "quoted words" are a phrase. \
            Passages that say something come first (bm25 rank); headings and title-like lines that only name the \
            subject come after them. Each hit shows its region, document, page and labels. \
            Inflected forms are found: `ohjaamo` finds "Ohjaamoissa", `ohjauspalvelu` finds "ohjauspalvelujen", \
            `vägledning` finds "vägledningen".

            Examples:
              elo search --pipeline pipelines/elo-2014.yaml ohjaamo
              elo search --pipeline pipelines/elo-2014.yaml --region lappi --label okm2011 "matala kynnys"
            """)

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Only passages of this region id.")
    var region: String?

    @Option(name: .long, help: "Only passages carrying this label or a label of this set (repeatable).")
    var label: [String] = []

    @Option(name: .long, help: "At most this many passages, best first.")
    var limit = 20

    @Flag(name: .long, help: "Print the hits as JSON.")
    var json = false

    @Argument(help: "Words to search for.")
    var query: [String]

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        do {
            let job = try options.job()
            try QueryFilters(regions: region.map { [$0] } ?? [], labels: label).check(against: job, command: "search")
            let hits = try ReportSearch(indexFile: job.indexFile)
                .run(query.joined(separator: " "), region: region, labels: label, limit: limit)
            try ReportOutput.write(hits, json: json, text: text)
        } catch {
            throw fail("search", error)
        }
    }

    /// Every hit, then how many there are (and whether `--limit` cut them).
    func text(_ hits: [ReportSearch.Hit]) -> String {
        let bold = Terminal.showsEscapes(STDOUT_FILENO)
        let count =
            hits.isEmpty
            ? "no passages match\n"
            : "\(hits.count) passage\(hits.count == 1 ? "" : "s")\(hits.count == limit ? " (limit reached; use --limit)" : "")\n"
        return hits.map { Self.describe($0, bold: bold) }.joined() + count
    }

    /// One hit: region, document and page (and whether it is only a heading), its labels, the snippet.
    static func describe(_ hit: ReportSearch.Hit, bold: Bool) -> String {
        let heading = hit.headingOnly ? "  (heading only)" : ""
        let labels = hit.labels.isEmpty ? "no labels" : hit.labels.joined(separator: ", ")
        return
            "\(hit.region)  \(hit.document)  p.\(hit.page)\(heading)\n  labels: \(labels)\n  \(snippet(hit, bold: bold))\n"
    }

    /// Up to ~240 characters around the first match, matched words in bold on a terminal (unless NO_COLOR or TERM=dumb), else in [brackets].
    static func snippet(_ hit: ReportSearch.Hit, bold: Bool) -> String {
        let characters = Array(hit.text)
        let first = hit.highlights.first?.start ?? 0
        let start = max(0, first - 80)
        let end = min(characters.count, start + 240)
        var out = start > 0 ? "…" : ""
        var position = start
        for range in hit.highlights where range.start >= start && range.end <= end {
            out += String(characters[position..<range.start])
            out += (bold ? "\u{1B}[1m" : "[") + String(characters[range.start..<range.end]) + (bold ? "\u{1B}[0m" : "]")
            position = range.end
        }
        out += String(characters[position..<end]) + (end < characters.count ? "…" : "")
        return out
    }
}
