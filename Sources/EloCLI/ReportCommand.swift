import ArgumentParser
import EloCore
import EloPipeline
import EloReports
import Foundation

extension ReportLanguage: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

/// Options every report and query command shares: which pipeline, and where its output folder is.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline file (YAML): label sets, coverage thresholds, regions, output folder.")
    var pipeline: String

    @Option(
        name: .long, help: "Output folder holding index.sqlite and reports/ (default: `output:` of the pipeline file).")
    var output: String?

    func job() throws(PipelineFailure) -> ReportJob {
        try ReportJob.load(pipeline: URL(fileURLWithPath: pipeline), output: output.map { URL(fileURLWithPath: $0) })
    }

    var indexFile: URL {
        get throws(PipelineFailure) { try job().indexFile }
    }
}

/// A report command's failure, for a person (and for `--json`): exit status 1, or the status it already carries.
func fail(_ command: String, _ error: any Error) -> CommandFailure {
    if let failure = error as? CommandFailure { return failure }
    return CommandFailure("elo \(command): \(error)")
}

/// `elo report`: writes the coverage reports (national matrix HTML + CSV, per region HTML, Markdown, JSON).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the coverage reports from the index.",
        discussion: """
            Computes, for every region and every label of the pipeline's sets, covered / weak / not covered / \
            not assessed (no readable document) with thresholds from the pipeline file's `coverage:` section, \
            and writes <output>/reports: index.html (the national heat map in Finnish) and index-sv.html (in \
            Swedish), coverage.csv (Finnish spreadsheet convention unless --csv-dialect rfc4180), coverage.xlsx \
            (matrix and gaps), coverage.json, and regions/<region>.html, .md and .json with \
            evidence, near-misses, changes since the previous report and the previous document versions, and \
            the region's timeline (history kept by the ingest runs); changes.html and changes-sv.html list every \
            region's changes (`elo changes` prints them). A \
            region's pages are in its language (`language: sv` in its region file, else Swedish when all its \
            documents are); `--lang fi|sv` writes every page in one language. The pages work offline and print.

            Example:
              elo report --pipeline pipelines/elo-2014.yaml
              elo report --pipeline pipelines/elo-2014.yaml --lang sv
            """)

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Text printed as the report date (default: today, UTC). Use \"\" to leave it out.")
    var generated: String?

    @Option(
        name: .long,
        help:
            "Write every page in this language: fi or sv (default: the national pages in both, each region in its own)."
    )
    var lang: ReportLanguage?

    @Option(
        name: .long,
        help: "coverage.csv as fi (\";\", byte-order mark, decimal comma, words; default) or rfc4180 (\",\", codes).")
    var csvDialect: CSVDialect = .finnish

    func run() throws {
        do {
            var job = try options.job()
            if let lang { job.languages = .only(lang) }
            job.csv = csvDialect
            let date = generated ?? String(ISO8601DateFormatter().string(from: Date()).prefix(10))
            let report = try job.write(generated: date.isEmpty ? nil : date)
            let levels = Dictionary(grouping: report.regions.flatMap(\.labels), by: \.level).mapValues(\.count)
            let counts = CoverageLevel.allCases.map { "\(levels[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            print(
                "\(report.regions.count) regions × \(report.labels.count) labels (\(counts)): \(job.reportFolder.appendingPathComponent(ReportLayout.indexHTML).path)"
            )
        } catch {
            throw fail("report", error)
        }
    }
}
