import EloCore

/// The national heat map: regions × labels coloured by level, each cell linking to the region page at that
/// label's evidence, with a legend and a row counting gaps per label. Every word comes from `ReportStrings`.
public struct NationalMatrixRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    /// The same page in other languages: language and relative link.
    public var alternates: [(language: ReportLanguage, link: String)]
    /// The workbook of the matrix and the gaps, when one is written beside the page.
    public var spreadsheetLink: String?
    /// The national languages the goal pages are written in (`goals/<slug>.html`), which the goals list links
    /// to; empty: no goal pages, no links.
    public var goalLanguages: [ReportLanguage] = []
    /// The national changes page in the same language, when one is written beside the page.
    public var changesLink: String?

    public init(
        report: CoverageReport, language: ReportLanguage = .finnish,
        alternates: [(language: ReportLanguage, link: String)] = []
    ) {
        context = ReportContext(report: report, language: language)
        self.alternates = alternates
    }

    private var strings: ReportStrings { .of(language) }
    private var swedish: Bool { language == .swedish }
    private var controls: MatrixControls { MatrixControls(report: report, strings: strings) }

    public func render() -> String {
        let e = HTMLText.escape
        let t = strings
        let legend =
            CoverageLevel.allCases.map { "<li>\(LevelBadge.html($0, t))</li>" }.joined(separator: "\n")
            + "\n<li><span class=\"caveat\">!</span> \(t.html("caveat.symbol-legend"))</li>"
        let links = ReportStyle.languageLinks(alternates)
        let summary = t.html(
            "national.summary", ["goals": String(report.labels.count), "regions": String(report.regions.count)])
        let generated = report.generated.map { " · " + t.html("meta.generated", ["date": e($0)]) } ?? ""
        var html = """
            \(ReportStyle.pageStart(title: t.text("national.page-title", ["title": report.title]), language: language))
            <h1>\(e(report.title))</h1>
            <p class="meta">\(summary) · \(t.html("meta.pipeline")) <code>\(e(report.pipeline))</code>\(generated) · <a href="\(ReportLayout.matrixCSV)">CSV</a> · <a href="\(ReportLayout.reportJSON)">JSON</a>\(changesLink.map { " · <a href=\"\(e($0))\">\(t.html("national.changes-link"))</a>" } ?? "")\(spreadsheetLink.map { " · <a href=\"\(e($0))\">Excel</a>" } ?? "")\(links)</p>
            <ul class="legend" aria-label="\(t.html("national.legend"))">
            \(legend)
            </ul>
            <p class="meta">\(explanation())</p>
            \(controls.html())<div class="matrix-wrap">
            <table class="matrix">
            <thead>
            <tr><th></th>
            """
        for set in report.sets {
            let count = report.labels.filter { $0.set == set }.count
            html += "<th class=\"set\" colspan=\"\(count)\" scope=\"colgroup\" data-set=\"\(e(set))\">\(e(set))</th>"
        }
        html += "</tr>\n<tr><th class=\"region\" scope=\"col\">\(t.html("national.region-column"))</th>"
        for label in report.labels {
            html +=
                "<th class=\"label\" scope=\"col\" data-set=\"\(e(label.set))\" data-label=\"\(e(label.id))\" title=\"\(e(label.id)): \(e(label.title(swedish: swedish)))\"><span>\(e(label.shortName))</span></th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for region in report.regions { html += row(region) }
        html += "</tbody>\n<tfoot>\n<tr><th scope=\"row\">\(t.html("national.gap-row"))</th>"
        for label in report.labels {
            let gaps = report.regions.filter { $0.coverage(of: label.id)?.level.isGap ?? false }.count
            html += "<td>\(gaps)</td>"
        }
        html += "</tr>\n</tfoot>\n</table>\n</div>\n"
        html += controls.script()
        html += labelKey()
        html += "</body>\n</html>\n"
        return html
    }

    private func explanation() -> String {
        let t = strings
        let thresholds = report.thresholds
        return [
            t.html(
                "national.explain-covered",
                ["rule": rule(thresholds.covered), "words": String(thresholds.substantiveWords)]),
            t.html("national.explain-weak", ["rule": rule(thresholds.weak)]),
            t.html("national.explain-not-assessed"),
        ].joined(separator: " ")
    }

    private func row(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        let page = layout.regionPage(region.region)
        var html = "<tr><th class=\"region\" scope=\"row\"><a href=\"\(e(page))\">\(e(region.name))</a></th>"
        for label in report.labels {
            let level = region.coverage(of: label.id)?.level ?? .notAssessed
            let count = region.coverage(of: label.id)?.passageCount ?? 0
            var tip = strings.counted(
                "national.cell-tip", count, ["region": region.name, "label": label.id, "level": strings.level(level)])
            let caveat = region.dependsOnIncompleteDocuments(level)
            if caveat {
                tip += " — " + strings.text("caveat.cell", ["documents": TrustText.documents(region, strings)])
            }
            let mark = caveat ? "<span class=\"caveat\">!</span>" : ""
            html +=
                "<td class=\"\(LevelBadge.cssClass(level))\(caveat ? " incomplete" : "")\"><a href=\"\(e(page))#\(HTMLText.anchor("label", label.id))\" title=\"\(e(tip))\" aria-label=\"\(e(tip))\">\(LevelBadge.symbol(level))\(mark)</a></td>"
        }
        return html + "</tr>\n"
    }

    /// "vähintään 1 kohta, jonka pisteet ovat 0,60 tai enemmän"
    func rule(_ rule: CoverageThresholds.Rule) -> String {
        HTMLText.escape(strings.counted("national.rule", rule.passages, ["score": strings.number(rule.score)]))
    }

    private func labelKey() -> String {
        let e = HTMLText.escape
        let t = strings
        var html = "<h2 id=\"labels\">\(t.html("national.goals"))</h2>\n<table class=\"list\">\n"
        html +=
            "<thead><tr><th>\(t.html("national.set"))</th><th>\(t.html("national.id"))</th><th>\(t.html("national.goal"))</th></tr></thead>\n<tbody>\n"
        for label in report.labels {
            var title = e(label.title(swedish: swedish))
            if let page = layout.goalPage(label.id, linkedFrom: language, national: goalLanguages) {
                title = "<a href=\"\(e(page))\">\(title)</a>"
            }
            html += "<tr><td>\(e(label.set))</td><td><code>\(e(label.id))</code></td><td>\(title)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
