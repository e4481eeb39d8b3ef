import EloCore

/// The page of one goal (`goals/<slug>.html`): every region's level for that goal with its score and its best
/// one or two quotes — "who covers digital guidance, and how?". Regions that cover it come first, best score
/// first; regions without a readable document are listed apart (not a gap), and a gap that may change once a
/// region's documents are read in full carries the `!` of the national map. Filters and sorting run in the
/// national matrix's inline script; every word comes from `ReportStrings`.
public struct GoalPageRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    /// Link back to the national matrix, relative to the page.
    public var indexLink: String
    /// The same page in other languages: language and relative link.
    public var alternates: [(language: ReportLanguage, link: String)]
    /// How many quotes a region's row shows at most.
    public var quotesPerRegion = 2

    public init(
        report: CoverageReport, language: ReportLanguage = .finnish, indexLink: String = "../index.html",
        alternates: [(language: ReportLanguage, link: String)] = [], links: EvidenceLinks = EvidenceLinks()
    ) {
        context = ReportContext(report: report, language: language, links: links)
        self.indexLink = indexLink
        self.alternates = alternates
    }

    public func render(_ label: CoverageLabel) -> String {
        let e = HTMLText.escape
        let t = strings
        let title = label.title(swedish: language == .swedish)
        let others = ReportStyle.languageLinks(alternates)
        let generated = report.generated.map { " · " + t.html("meta.generated", ["date": e($0)]) } ?? ""
        let entries = report.regions.map { ($0, $0.coverage(of: label.id)) }
        let assessed = ranked(
            entries.compactMap { region, entry in entry.flatMap { $0.level == .notAssessed ? nil : (region, $0) } })
        let apart = entries.filter { $0.1 == nil || $0.1?.level == .notAssessed }.map(\.0)
        var html = """
            \(ReportStyle.pageStart(title: title + " — " + report.title, language: language))
            <p class="meta"><a href="\(e(indexLink))">\(t.html("region.back"))</a> · \(e(report.title))\(others)</p>
            <h1>\(e(title))</h1>
            <p class="meta">\(t.html("national.set")) <code>\(e(label.set))</code> · \(t.html("national.id")) <code>\(e(label.id))</code> · \(t.html("meta.pipeline")) <code>\(e(report.pipeline))</code>\(generated)</p>
            <h2 id="regions">\(t.html("goal.levels"))</h2>
            \(legend(entries.map { $0.1?.level ?? .notAssessed }))
            """
        html += table(assessed, label: label)
        html += notAssessed(apart)
        return html + "</body>\n</html>\n"
    }

    /// Regions that cover the goal first, then weak, then not covered; the best score first within a level.
    private func ranked(_ entries: [(RegionCoverage, LabelCoverage)]) -> [(RegionCoverage, LabelCoverage)] {
        let order: [CoverageLevel: Int] = [.covered: 0, .weak: 1, .notCovered: 2]
        return entries.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.1, rhs.element.1)
            if a.level != b.level { return order[a.level, default: 3] < order[b.level, default: 3] }
            let (scoreA, scoreB) = (a.evidence.first?.score ?? 0, b.evidence.first?.score ?? 0)
            return scoreA != scoreB ? scoreA > scoreB : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private func legend(_ levels: [CoverageLevel]) -> String {
        let t = strings
        let items =
            CoverageLevel.allCases.map { level in
                "<li>\(LevelBadge.html(level, t)) \(levels.filter { $0 == level }.count)</li>"
            } + ["<li><span class=\"caveat\">!</span> \(t.html("caveat.symbol-legend"))</li>"]
        return
            "<ul class=\"legend\" aria-label=\"\(t.html("national.legend"))\">\n\(items.joined(separator: "\n"))\n</ul>\n"
    }

    private func table(_ entries: [(RegionCoverage, LabelCoverage)], label: CoverageLabel) -> String {
        guard !entries.isEmpty else { return "" }
        let t = strings
        let level = t.html("goal.level")
        let controls = MatrixControls(report: report, strings: t, filtersBySet: false)
        var html = controls.html() + "<div class=\"matrix-wrap\">\n<table class=\"goal-regions\">\n<thead>\n"
        html +=
            "<tr><th class=\"region\" scope=\"col\">\(t.html("national.region-column"))</th>"
            + "<th class=\"label\" scope=\"col\" data-label=\"\(level)\"><span>\(level)</span></th>"
            + "<th scope=\"col\">\(t.html("goal.score"))</th><th scope=\"col\">\(t.html("goal.evidence"))</th></tr>\n</thead>\n<tbody>\n"
        for (region, entry) in entries { html += row(region, entry) }
        return html + "</tbody>\n</table>\n</div>\n" + controls.script()
    }

    private func row(_ region: RegionCoverage, _ entry: LabelCoverage) -> String {
        let e = HTMLText.escape
        let t = strings
        let page = "../" + layout.regionPage(region.region)
        let caveat = region.dependsOnIncompleteDocuments(entry.level)
        let tip = caveat ? " title=\"\(e(t.text("caveat.cell", ["documents": TrustText.documents(region, t)])))\"" : ""
        let mark = caveat ? "<span class=\"caveat\">!</span>" : ""
        let score = entry.evidence.first.map { t.number($0.score) } ?? t.text("goal.no-score")
        return
            "<tr><th class=\"region\" scope=\"row\"><a href=\"\(e(page))#\(HTMLText.anchor("label", entry.label.id))\">\(e(region.name))</a></th>"
            + "<td class=\"\(LevelBadge.cssClass(entry.level))\(caveat ? " incomplete" : "")\"\(tip)>\(LevelBadge.symbol(entry.level)) \(e(t.level(entry.level)))\(mark)</td>"
            + "<td>\(e(score))</td><td>\(evidence(region, entry))</td></tr>\n"
    }

    /// The best quotes of the region for the goal; for a gap without any, its closest near-miss.
    private func evidence(_ region: RegionCoverage, _ entry: LabelCoverage) -> String {
        let t = strings
        let section = RegionLabelSection(strings: t, thresholds: report.thresholds, region: region, links: links)
        let anchor =
            "region-"
            + (layout.regionBase(region.region).split(separator: "/").last.map(String.init) ?? "")
        var html = section.caveat(entry.level)
        if !entry.evidence.isEmpty {
            let shown = entry.evidence.prefix(quotesPerRegion)
            if entry.passageCount > shown.count {
                html +=
                    "<p class=\"muted\">\(t.html("label.best-of", ["shown": String(shown.count), "total": String(entry.passageCount)]))</p>\n"
            }
            for (index, item) in shown.enumerated() {
                html += section.quote(item, label: entry.label, id: "\(anchor)-evidence-\(index + 1)", nearMiss: false)
            }
        } else if let near = entry.nearMisses.first {
            html += "<p class=\"muted\">\(t.html("label.near-misses"))</p>\n"
            html += section.quote(near, label: entry.label, id: "\(anchor)-near-miss-1", nearMiss: true)
        } else {
            html += "<p class=\"muted\">\(t.html("label.nothing-reached"))</p>\n"
        }
        return html
    }

    /// Regions without a readable document: apart from the gaps, each with why and what to do.
    private func notAssessed(_ regions: [RegionCoverage]) -> String {
        guard !regions.isEmpty else { return "" }
        let e = HTMLText.escape
        let t = strings
        var html =
            "<h2 id=\"not-assessed\">\(t.html("goal.not-assessed"))</h2>\n<p class=\"muted\">\(t.html("goal.not-assessed-intro"))</p>\n<ul class=\"not-assessed-regions\">\n"
        for region in regions {
            let page = "../" + layout.regionPage(region.region)
            let why =
                region.documents.isEmpty
                ? t.html("region.no-documents")
                : region.incompleteDocuments.map {
                    "<code>\(e($0.path))</code> (\(e(t.status($0.status)))): \(e(TrustText.action($0, t)))"
                }.joined(separator: "; ")
            html += "<li><a href=\"\(e(page))\">\(e(region.name))</a> \(LevelBadge.html(.notAssessed, t)) \(why)</li>\n"
        }
        return html + "</ul>\n"
    }
}
