import EloCore

/// What every page of a report is written against: the report, the page's language and its words, where the
/// report's files are, and where its quotes and documents link to (made once per page renderer, not once per link).
public struct ReportContext: Sendable {
    public let report: CoverageReport
    public let language: ReportLanguage
    public let strings: ReportStrings
    public let layout: ReportLayout
    /// Where quotes and documents link to (document pages, source files); pages without quotes make no links.
    public let links: EvidenceLinks

    init(report: CoverageReport, language: ReportLanguage, links: EvidenceLinks = EvidenceLinks()) {
        self.report = report
        self.language = language
        strings = .of(language)
        layout = ReportLayout(report)
        self.links = links
    }
}

/// A renderer of report pages: it reads the report, the language, its words and the layout from its context.
public protocol ReportPageRendering {
    var context: ReportContext { get }
}

extension ReportPageRendering {
    public var report: CoverageReport { context.report }
    public var language: ReportLanguage { context.language }
    public var links: EvidenceLinks { context.links }
    var strings: ReportStrings { context.strings }
    var layout: ReportLayout { context.layout }
}
