import EloCore

/// The national heat map: regions × labels coloured by level, each cell linking to the region page at that
/// label's evidence, with a legend and a row counting gaps per label.
public struct NationalMatrixRenderer: Sendable {
    public var report: CoverageReport

    public init(report: CoverageReport) { self.report = report }

    public func render() -> String {
        let e = HTMLText.escape
        let layout = ReportLayout(report)
        let legend = CoverageLevel.allCases.map { "<li>\(LevelBadge.html($0))</li>" }.joined(separator: "\n")
        var html = """
        \(ReportStyle.pageStart(title: report.title + " — coverage by region"))
        <h1>\(e(report.title))</h1>
        <p class="meta">Coverage of \(report.labels.count) goals in \(report.regions.count) regions · pipeline <code>\(e(report.pipeline))</code>\
        \(report.generated.map { " · generated \(e($0))" } ?? "") · <a href="\(ReportLayout.matrixCSV)">CSV</a> · <a href="\(ReportLayout.reportJSON)">JSON</a></p>
        <ul class="legend" aria-label="Legend">
        \(legend)
        </ul>
        <p class="meta">Covered: \(Self.rule(report.thresholds.covered)) substantively addressing the goal (a list item or a paragraph of \(report.thresholds.substantiveWords)+ words). Weak: only passing mentions, \(Self.rule(report.thresholds.weak)) (a heading, a shorter paragraph, or a near-miss). \
        Not assessed: no readable document — not a gap. Select a cell for the evidence.</p>
        <div class="matrix-wrap">
        <table class="matrix">
        <thead>
        <tr><th></th>
        """
        for set in report.sets {
            let count = report.labels.filter { $0.set == set }.count
            html += "<th class=\"set\" colspan=\"\(count)\" scope=\"colgroup\">\(e(set))</th>"
        }
        html += "</tr>\n<tr><th class=\"region\" scope=\"col\">Region</th>"
        for label in report.labels {
            html += "<th class=\"label\" scope=\"col\" title=\"\(e(label.id)): \(e(label.title))\"><span>\(e(label.shortName))</span></th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for region in report.regions {
            let page = layout.regionPage(region.region)
            html += "<tr><th class=\"region\" scope=\"row\"><a href=\"\(e(page))\">\(e(region.name))</a></th>"
            for label in report.labels {
                let level = region.coverage(of: label.id)?.level ?? .notAssessed
                let count = region.coverage(of: label.id)?.passageCount ?? 0
                let tip = "\(region.name) — \(label.id): \(level.title), \(count) passage\(count == 1 ? "" : "s")"
                html += "<td class=\"\(LevelBadge.cssClass(level))\"><a href=\"\(e(page))#\(HTMLText.anchor("label", label.id))\" title=\"\(e(tip))\" aria-label=\"\(e(tip))\">\(LevelBadge.symbol(level))</a></td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Regions with a gap</th>"
        for label in report.labels {
            let gaps = report.regions.filter { $0.coverage(of: label.id)?.level.isGap ?? false }.count
            html += "<td>\(gaps)</td>"
        }
        html += "</tr>\n</tfoot>\n</table>\n</div>\n"
        html += labelKey()
        html += "</body>\n</html>\n"
        return html
    }

    /// "at least 2 passages scoring 0.60 or more"
    static func rule(_ rule: CoverageThresholds.Rule) -> String {
        "at least \(rule.passages) passage\(rule.passages == 1 ? "" : "s") scoring \(HTMLText.score(rule.score)) or more"
    }

    private func labelKey() -> String {
        let e = HTMLText.escape
        var html = "<h2 id=\"labels\">Goals</h2>\n<table class=\"list\">\n<thead><tr><th>Set</th><th>Id</th><th>Goal</th></tr></thead>\n<tbody>\n"
        for label in report.labels {
            html += "<tr><td>\(e(label.set))</td><td><code>\(e(label.id))</code></td><td>\(e(label.title))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
