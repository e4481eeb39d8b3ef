import EloCore
import Foundation

/// Every file of a coverage report, rendered in memory: the national matrix (HTML, CSV), the whole
/// report as JSON, and per region HTML, Markdown and JSON. Paths come from `ReportLayout`.
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

    public init(_ report: CoverageReport) throws {
        let layout = ReportLayout(report)
        var files = [
            File(path: ReportLayout.indexHTML, contents: Data(NationalMatrixRenderer(report: report).render().utf8)),
            File(path: ReportLayout.matrixCSV, contents: NationalCSVRenderer(report: report).render()),
            File(path: ReportLayout.reportJSON, contents: try ReportJSON.encode(report)),
        ]
        let page = RegionPageRenderer(report: report)
        let markdown = RegionMarkdownRenderer(report: report)
        for region in report.regions {
            files.append(File(path: layout.regionPage(region.region), contents: Data(page.render(region).utf8)))
            files.append(File(path: layout.regionMarkdown(region.region), contents: Data(markdown.render(region).utf8)))
            files.append(File(path: layout.regionJSON(region.region), contents: try ReportJSON.encode(region)))
        }
        self.files = files
    }
}
