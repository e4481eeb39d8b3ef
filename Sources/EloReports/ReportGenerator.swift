import EloCore
import Foundation

/// Computes coverage for every region and writes the report folder: compares with the `coverage.json` the
/// previous run left there (changes since the previous run), then replaces every file.
public struct ReportGenerator: Sendable {
    public var pipeline: String
    public var title: String
    public var labels: [CoverageLabel]
    public var thresholds: CoverageThresholds
    /// Injected so reports are reproducible; `nil` leaves the date out.
    public var generated: String?
    /// The dialect of `coverage.csv`.
    public var csv: CSVDialect = .finnish
    /// Renderers of further files (the spreadsheet, document pages), written with the others.
    public var extraRenderers: [any ReportFileRenderer] = []
    /// What the pages link to besides each other (document pages, source files, workbooks).
    public var links = EvidenceLinks()
    /// The regions' coverage history; when given, the national changes pages and region timelines are written.
    public var timeline: CoverageTimeline?

    public init(
        pipeline: String, title: String, labels: [CoverageLabel], thresholds: CoverageThresholds, generated: String?
    ) {
        self.pipeline = pipeline
        self.title = title
        self.labels = labels
        self.thresholds = thresholds
        self.generated = generated
    }

    /// The report for `regions`, without writing anything.
    public func report(_ regions: [RegionDocuments], previous: CoverageReport? = nil) -> CoverageReport {
        let calculator = CoverageCalculator(labels: labels, thresholds: thresholds)
        let coverage = regions.map {
            calculator.run(
                region: $0.region, name: $0.name, documents: $0.current, previousVersions: $0.previous,
                language: $0.language)
        }
        let report = CoverageReport(
            pipeline: pipeline, title: title, labels: labels, regions: coverage, generated: generated,
            thresholds: thresholds)
        return previous.map { CoverageHistory.addingChanges(to: report, since: $0) } ?? report
    }

    /// Writes the report into `folder` and returns it. An unreadable previous `coverage.json` is ignored
    /// (no run-to-run changes) rather than stopping the report.
    @discardableResult
    public func write(_ regions: [RegionDocuments], to folder: URL, languages: ReportLanguages = .automatic) throws
        -> CoverageReport
    {
        let report = report(regions, previous: previousReport(in: folder))
        try write(report, to: folder, languages: languages)
        return report
    }

    /// The report for `regions` and every one of its files in memory (those of the extra renderers too), as
    /// `write` writes them — `elo serve` answers from this; nothing is written.
    public func render(
        _ regions: [RegionDocuments], previous: CoverageReport? = nil, languages: ReportLanguages = .automatic
    )
        throws -> (report: CoverageReport, bundle: ReportBundle)
    {
        let report = report(regions, previous: previous)
        return (report, try bundle(of: report, languages: languages))
    }

    /// Every file of `report` (those of the extra renderers too), in memory.
    public func bundle(of report: CoverageReport, languages: ReportLanguages = .automatic) throws -> ReportBundle {
        var bundle = try ReportBundle(report, languages: languages, csv: csv, links: links, timeline: timeline)
        for renderer in extraRenderers { bundle.files += try renderer.files(for: report, languages: languages) }
        return bundle
    }

    /// The report the previous run left in `folder`, when it is this pipeline's and can be read.
    public func previousReport(in folder: URL) -> CoverageReport? {
        let previous = FileManager.default.contents(atPath: folder.appendingPathComponent(ReportLayout.reportJSON).path)
            .flatMap { try? ReportJSON.decode(CoverageReport.self, from: $0) }
        return previous?.pipeline == pipeline ? previous : nil
    }

    /// Writes every file of `report` (computed by `report(_:previous:)`) into `folder`, replacing what was there.
    public func write(_ report: CoverageReport, to folder: URL, languages: ReportLanguages = .automatic) throws {
        try ReportFolderWriter(folder: folder).write(try bundle(of: report, languages: languages))
    }
}
