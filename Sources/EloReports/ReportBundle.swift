import EloCore
import Foundation

/// Every file of a coverage report, rendered in memory: the national matrix (HTML in each national
/// language, CSV), the whole report as JSON, a page per goal in each national language, and per region HTML,
/// Markdown and JSON in the region's language. Paths come from `ReportLayout`.
public struct ReportBundle: Sendable {
    /// One file: a relative path made of sanitised parts, and its bytes.
    public struct File: Sendable, Hashable {
        public var path: String
        public var contents: Data

        public init(path: String, contents: Data) {
            self.path = path
            self.contents = contents
        }
    }

    public var files: [File]

    public init(files: [File]) { self.files = files }

    /// The files of `report`; `csv` is the dialect of `coverage.csv`; `links` says which other files (written
    /// by other renderers: document pages, workbooks) and source files the pages link to; `timeline`, when given,
    /// adds the national changes pages and the regions' timelines.
    public init(
        _ report: CoverageReport, languages: ReportLanguages = .automatic, csv: CSVDialect = .finnish,
        links: EvidenceLinks = EvidenceLinks(), timeline: CoverageTimeline? = nil
    ) throws {
        let layout = ReportLayout(report)
        var files: [File] = []
        let national = languages.national
        for language in national {
            let alternates = national.filter { $0 != language }.map {
                ($0, ReportLayout.indexHTML(for: $0, national: national))
            }
            var renderer = NationalMatrixRenderer(report: report, language: language, alternates: alternates)
            renderer.spreadsheetLink =
                links.spreadsheet ? ReportLayout.spreadsheet(for: language, national: national) : nil
            renderer.goalLanguages = national
            renderer.changesLink = timeline.map { _ in ReportLayout.changesHTML(for: language, national: national) }
            let page = renderer.render()
            files.append(
                File(path: ReportLayout.indexHTML(for: language, national: national), contents: Data(page.utf8)))
            if let timeline {
                let alternates = national.filter { $0 != language }.map {
                    ($0, ReportLayout.changesHTML(for: $0, national: national))
                }
                let changes = ChangesPageRenderer(
                    report: report, timeline: timeline, language: language,
                    indexLink: ReportLayout.indexHTML(for: language, national: national), alternates: alternates)
                files.append(
                    File(
                        path: ReportLayout.changesHTML(for: language, national: national),
                        contents: Data(changes.render().utf8)))
            }
        }
        files += [
            File(
                path: ReportLayout.matrixCSV,
                contents: NationalCSVRenderer(report: report, dialect: csv, language: national[0]).render()),
            File(path: ReportLayout.reportJSON, contents: try ReportJSON.encode(report)),
        ]
        files += Self.goalPages(report, national: national, links: links)
        for region in report.regions {
            let language = languages.language(of: region)
            let index =
                "../"
                + ReportLayout.indexHTML(for: national.contains(language) ? language : national[0], national: national)
            var page = RegionPageRenderer(report: report, indexLink: index, language: language, links: links)
            page.goalLanguages = national
            page.timeline = timeline?.changes(of: region.region) ?? []
            files.append(File(path: layout.regionPage(region.region), contents: Data(page.render(region).utf8)))
            let markdown = RegionMarkdownRenderer(report: report, language: language, links: links).render(region)
            files.append(File(path: layout.regionMarkdown(region.region), contents: Data(markdown.utf8)))
            files.append(File(path: layout.regionJSON(region.region), contents: try ReportJSON.encode(region)))
        }
        self.files = files
    }

    /// `goals/<slug>.html` (and `goals/<slug>-<code>.html`): every goal in each national language.
    public static func goalPages(_ report: CoverageReport, national: [ReportLanguage], links: EvidenceLinks) -> [File] {
        let layout = ReportLayout(report)
        return report.labels.flatMap { label in
            national.map { language in
                // the goal page sits beside the other languages' pages: the link is the file name alone
                let alternates = national.filter { $0 != language }.map {
                    (
                        $0,
                        String(
                            layout.goalPage(label.id, language: $0, national: national).dropFirst(
                                ReportLayout.goalFolder.count + 1))
                    )
                }
                let renderer = GoalPageRenderer(
                    report: report, language: language,
                    indexLink: "../" + ReportLayout.indexHTML(for: language, national: national),
                    alternates: alternates, links: links)
                return File(
                    path: layout.goalPage(label.id, language: language, national: national),
                    contents: Data(renderer.render(label).utf8))
            }
        }
    }
}
