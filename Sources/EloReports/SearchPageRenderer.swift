import EloCore

/// The search page of `elo serve` (`search?q=…&region=…&set=…&label=…`): a form that works without JavaScript
/// (words, region, label set, label) and the hits with region, document, page, labels and the passage around
/// the matched words, each linking to its region page and to the passage on its document page. Links are
/// relative to the served root, so the page works behind a reverse proxy under any path. Every value shown is
/// escaped.
public struct SearchPageRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    /// The national page in this language, relative to the served root (`index.html`, `index-sv.html`).
    public var indexLink: String

    /// Characters of a passage shown around its first matched word.
    public static let excerptLength = 320

    public init(report: CoverageReport, language: ReportLanguage, indexLink: String) {
        context = ReportContext(report: report, language: language)
        self.indexLink = indexLink
    }

    public func render(_ page: SearchPage) -> String {
        let e = HTMLText.escape
        let t = strings
        var html = ReportStyle.pageStart(
            title: t.text("search.page-title", ["title": report.title]), language: language
        )
        .replacingOccurrences(of: "</head>\n", with: "<style>\n\(SearchBox.css)</style>\n</head>\n")
        html += """
            <p class="meta"><a href="\(e(indexLink))">\(t.html("search.back"))</a></p>
            <h1>\(t.html("search.heading"))</h1>
            \(form(page))
            """
        if let problem = page.problem {
            html += "<p class=\"notice\" role=\"alert\">\(e(problem))</p>\n"
        } else if !page.query.isEmpty {
            html += results(page)
        }
        return html + "</body>\n</html>\n"
    }

    private func form(_ page: SearchPage) -> String {
        let t = strings
        let e = HTMLText.escape
        let swedish = language == .swedish
        let regions = report.regions.map { ($0.region, $0.name) }
        let sets = report.sets.map { ($0, $0) }
        let labels = report.labels.map { ($0.id, "\($0.id) — \($0.title(swedish: swedish))") }
        return """
            <form class="controls search-form" method="get" action="search" role="search">
            <input type="hidden" name="lang" value="\(language.rawValue)">
            <label for="s-q">\(t.html("search.words")) <input id="s-q" name="q" type="search" value="\(e(page.query))" size="32"></label>
            <label for="s-region">\(t.html("search.region")) \(select("s-region", "region", regions, page.region))</label>
            <label for="s-set">\(t.html("search.set")) \(select("s-set", "set", sets, page.set))</label>
            <label for="s-label">\(t.html("search.label")) \(select("s-label", "label", labels, page.label))</label>
            <button type="submit">\(t.html("search.submit"))</button>
            </form>
            <p class="meta">\(t.html("search.help"))</p>

            """
    }

    private func select(_ id: String, _ name: String, _ choices: [(value: String, text: String)], _ chosen: String?)
        -> String
    {
        let e = HTMLText.escape
        let options = choices.map { choice in
            "<option value=\"\(e(choice.value))\"\(choice.value == chosen ? " selected" : "")>\(e(choice.text))</option>"
        }.joined()
        return
            "<select id=\"\(id)\" name=\"\(name)\"><option value=\"\">\(strings.html("controls.all"))</option>\(options)</select>"
    }

    private func results(_ page: SearchPage) -> String {
        let t = strings
        guard !page.hits.isEmpty else {
            return "<p class=\"search-count\" role=\"status\">\(t.html("search.none"))</p>\n"
        }
        var count = t.counted("search.count", page.hits.count)
        if page.hits.count >= page.limit { count += " " + t.text("search.limit") }
        var html = "<p class=\"search-count\" role=\"status\">\(HTMLText.escape(count))</p>\n<ol class=\"hits\">\n"
        for hit in page.hits { html += self.hit(hit) }
        return html + "</ol>\n"
    }

    private func hit(_ hit: SearchPage.Hit) -> String {
        let e = HTMLText.escape
        let t = strings
        let name = report.regions.first { $0.region == hit.region }?.name ?? hit.region
        let document = ReportLayout.documentPage(hit.document) + "#p\(hit.page)-\(hit.passage)"
        let labels =
            hit.labels.isEmpty
            ? t.html("search.no-labels") : hit.labels.map { "<code>\(e($0))</code>" }.joined(separator: " ")
        let excerpt = QuoteExcerpt(
            text: hit.text, highlights: hit.highlights.map { $0.start..<$0.end }, limit: Self.excerptLength)
        let quote = HTMLText.highlighted(
            excerpt.text, excerpt.highlights.map(CoverageEvidence.Highlight.init))
        let heading = hit.headingOnly ? " · <span class=\"why\">\(t.html("search.heading-only"))</span>" : ""
        return """
            <li class="hit"><p class="meta"><a href="\(e(layout.regionPage(hit.region)))">\(e(name))</a> · \
            <a href="\(e(document))">\(HTMLText.path(hit.document))</a> · \(t.html("search.page", ["page": String(hit.page)]))\(heading)</p>
            <blockquote><p>\(quote)</p><footer>\(t.html("search.labels")) \(labels)</footer></blockquote></li>

            """
    }
}
