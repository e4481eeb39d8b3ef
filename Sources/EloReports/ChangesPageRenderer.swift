import EloCore

/// The national "changes since …" page (`changes.html`, `changes-sv.html`): every region's coverage changes,
/// newest first, each with the document version that decided it and the evidence before and after; linked from
/// the national matrix. Self-contained like the other pages; every word comes from `ReportStrings`.
public struct ChangesPageRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    public var timeline: CoverageTimeline
    /// The national matrix in the same language, relative to this page.
    public var indexLink: String
    /// The same page in other languages: language and relative link.
    public var alternates: [(language: ReportLanguage, link: String)]

    public init(
        report: CoverageReport, timeline: CoverageTimeline, language: ReportLanguage = .finnish,
        indexLink: String = ReportLayout.indexHTML, alternates: [(language: ReportLanguage, link: String)] = []
    ) {
        context = ReportContext(report: report, language: language)
        self.timeline = timeline
        self.indexLink = indexLink
        self.alternates = alternates
    }

    public func render() -> String {
        let e = HTMLText.escape
        let t = ReportStrings.of(language)
        let changes = Array(timeline.changes.reversed())
        let heading =
            changes.last.map { t.html("changes.since", ["date": e(String($0.date.prefix(10)))]) }
            ?? t.html("changes.heading")
        let others = alternates.map {
            " · <a href=\"\(e($0.link))\" lang=\"\($0.language.rawValue)\" hreflang=\"\($0.language.rawValue)\">\(e(ReportStrings.of($0.language).text("national.other-language")))</a>"
        }.joined()
        let generated = report.generated.map { " · " + t.html("meta.generated", ["date": e($0)]) } ?? ""
        var html = """
            \(ReportStyle.pageStart(title: t.text("changes.page-title", ["title": report.title]), language: language))
            <p class="meta"><a href="\(e(indexLink))">\(t.html("region.back"))</a> · \(e(report.title))\(others)</p>
            <h1>\(heading)</h1>
            <p class="meta">\(t.html("meta.pipeline")) <code>\(e(report.pipeline))</code>\(generated)</p>
            <p>\(t.html("changes.intro"))</p>

            """
        if changes.isEmpty {
            html += "<p class=\"muted\">\(t.html("changes.none"))</p>\n"
        } else {
            let pages = Dictionary(
                report.regions.map { ($0.region, (name: $0.name, link: layout.regionPage($0.region))) },
                uniquingKeysWith: { first, _ in first })
            html += TimelineTable(strings: t, labels: report.labels, regionPages: pages).render(changes)
        }
        return html + "</body>\n</html>\n"
    }
}
