import ArgumentParser
import EloCore
import EloPipeline
import EloReports
import Foundation

/// `elo gaps`: which regions leave which goals unaddressed, with evidence and near-misses.
struct GapsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List weak and uncovered goals per region, from the index.",
        discussion: """
            JSON is a list of {"region", "set", "label", "level", "evidence": [{"document", "page", "quote", \
            "score"}], "near_misses": [...]}. CSV is by default in the Finnish convention (";" between fields, UTF-8 with a byte-order mark, \
            decimal comma: opens in Excel with a double click); --csv-dialect rfc4180 gives "," and a decimal point.

            Examples:
              elo gaps --pipeline pipelines/elo-2014.yaml
              elo gaps --pipeline pipelines/elo-2014.yaml --region lappi --label ohjaamo --format json
              elo gaps --pipeline pipelines/elo-2014.yaml --level not-assessed
            """)

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Only this region id (repeatable).")
    var region: [String] = []

    @Option(name: .long, help: "Only this label id or label set id (repeatable).")
    var label: [String] = []

    @Option(name: .long, help: "Levels to list, comma-separated: covered, weak, not-covered, not-assessed.")
    var level = "not-covered,weak"

    @Option(name: .long, help: "Output: table, csv or json.")
    var format: Format = .table

    @Option(
        name: .long,
        help: "CSV as fi (\";\", byte-order mark, decimal comma; default) or rfc4180 (\",\", decimal point).")
    var csvDialect: CSVDialect = .finnish

    func validate() throws {
        do { _ = try GapQuery.levels(from: level) } catch { throw ValidationError("--level: \(error)") }
    }

    func run() throws {
        do {
            let job = try options.job()
            try QueryFilters(regions: region, labels: label).check(against: job, command: "gaps")
            let report = try job.coverage()
            let gaps = GapQuery(regions: region, labels: label, levels: try GapQuery.levels(from: level)).run(report)
            switch format {
            case .table: FileHandle.standardOutput.write(Data(GapQuery.table(gaps).utf8))
            case .csv: FileHandle.standardOutput.write(GapQuery.csv(gaps, dialect: csvDialect))
            case .json: FileHandle.standardOutput.write(try ReportJSON.encode(gaps))
            }
        } catch {
            throw fail("gaps", error)
        }
    }
}
