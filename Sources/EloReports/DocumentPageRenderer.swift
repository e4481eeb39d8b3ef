import EloCore

/// The page of one document (`documents/<slug>.html`): its status and problems, then every passage page by
/// page — kind, text, and the labels it carries (with score and matched cues) or came close to — each
/// passage an anchor (`#p3-0`) that evidence quotes link to, each page a link to the source file at that page.
public struct DocumentPageRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    /// Each label's title in the page's language, by label id.
    private let titles: [String: String]

    public init(report: CoverageReport, language: ReportLanguage = .finnish, links: EvidenceLinks = EvidenceLinks()) {
        context = ReportContext(report: report, language: language, links: links)
        titles = Dictionary(
            report.labels.map { ($0.id, $0.title(swedish: language == .swedish)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The page of `document`, of `region` (its id, for the link back to the region page).
    public func render(_ document: Document, region: String) -> String {
        let e = HTMLText.escape
        let t = strings
        let regionPage = "../" + layout.regionPage(region)
        let source =
            links.source(document.path).map { " · <a href=\"\(e($0))\">\(t.html("document.source"))</a>" } ?? ""
        var html = """
            \(ReportStyle.pageStart(title: MachinePath.scrub(document.path) + " — " + report.title, language: language))
            <p class="meta"><a href="\(e(regionPage))">\(t.html("document.back"))</a> · \(e(report.title))</p>
            <h1><code>\(HTMLText.path(MachinePath.scrub(document.path)))</code></h1>
            <p class="meta">\(e(t.status(document.status))) · \(t.html("region.pages")) \(document.pages) · \(e(t.language(document.language)))\(source)</p>

            """
        let problems = document.diagnostics.filter { $0.severity > .info }
        if !problems.isEmpty {
            html +=
                "<ul class=\"notice\">\n" + problems.map { "<li>\(DiagnosticText.html($0, t))</li>\n" }.joined()
                + "</ul>\n"
        }
        if document.passages.isEmpty { html += "<p class=\"muted\">\(t.html("document.no-passages"))</p>\n" }
        var page = 0
        for passage in document.passages {
            if passage.page != page {
                page = passage.page
                let at =
                    links.source(document.path, page: page).map {
                        " <a class=\"muted\" href=\"\(e($0))\">\(t.html("document.source"))</a>"
                    } ?? ""
                html +=
                    "<h2 id=\"page-\(page)\">\(t.html("quote.page", ["page": String(page)]).capitalizedFirst)\(at)</h2>\n"
            }
            html += self.passage(passage)
        }
        return html + "</body>\n</html>\n"
    }

    private func passage(_ passage: Passage) -> String {
        let e = HTMLText.escape
        let t = strings
        let labels = (passage.labels ?? []).map { label -> String in
            let cues = Array(Set(label.evidence.map(\.cue))).sorted().map { e(CueText.readable($0, t)) }.joined(
                separator: ", ")
            return
                "<li><code>\(e(label.id))</code> \(e(titles[label.id] ?? "")) · \(t.html("quote.score", ["score": t.number(label.score)])) · \(t.html("quote.matched", ["cues": cues]))</li>"
        }
        let near = (passage.nearMisses ?? []).map { label in
            "<li class=\"muted\">\(t.html("document.near-miss")) <code>\(e(label.id))</code> · \(t.html("quote.score", ["score": t.number(label.score)]))</li>"
        }
        let ranges = (passage.labels ?? []).flatMap(\.evidence).map(CoverageEvidence.Highlight.init)
        let lang =
            passage.language == .finnish || passage.language == .swedish ? " lang=\"\(passage.language.rawValue)\"" : ""
        var html =
            "<div class=\"passage passage-\(passage.kind.rawValue)\" id=\"p\(passage.page)-\(passage.index)\"\(lang)>"
        html += "<p>\(HTMLText.highlighted(passage.text, ranges))</p>"
        if !labels.isEmpty || !near.isEmpty {
            html += "\n<ul class=\"labels\">\n" + (labels + near).joined(separator: "\n") + "\n</ul>"
        }
        return html + "</div>\n"
    }
}

extension String {
    /// The first letter in upper case (`sivu 3` → `Sivu 3`).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
