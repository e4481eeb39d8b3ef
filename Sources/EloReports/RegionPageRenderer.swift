import EloCore

/// The HTML page of one region: its documents, a section per label with level, evidence and near-misses,
/// and what changed. Self-contained (inline CSS, no scripts); every piece of document text is escaped, every
/// word of the page comes from `ReportStrings` in the page's language.
public struct RegionPageRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    /// Link back to the national matrix, relative to the page.
    public var indexLink: String
    /// The national languages the goal pages are written in (`goals/<slug>.html`), which each label section
    /// links to; empty: no goal pages, no links.
    public var goalLanguages: [ReportLanguage] = []
    /// The region's history (`CoverageTimeline`), oldest first: shown as its timeline when not empty.
    public var timeline: [TimelineChange] = []

    public init(
        report: CoverageReport, indexLink: String = "../index.html", language: ReportLanguage = .finnish,
        links: EvidenceLinks = EvidenceLinks()
    ) {
        context = ReportContext(report: report, language: language, links: links)
        self.indexLink = indexLink
    }

    public func render(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        let t = strings
        let generated = report.generated.map { " · " + t.html("meta.generated", ["date": e($0)]) } ?? ""
        var html = """
            \(ReportStyle.pageStart(title: region.name + " — " + report.title, language: language))
            <p class="meta"><a href="\(e(indexLink))">\(t.html("region.back"))</a> · \(e(report.title))</p>
            <h1>\(e(region.name))</h1>
            <p class="meta">\(t.html("meta.region")) <code>\(e(region.region))</code> · \(t.html("meta.pipeline")) <code>\(e(report.pipeline))</code>\(generated)</p>

            """
        html += summary(region)
        html += notices(region)
        html += documents(region)
        html += changes(region)
        html += timelineSection()
        var page = RegionLabelSection(strings: t, thresholds: report.thresholds, region: region, links: links)
        let national = goalLanguages
        let language = language
        page.goalPage = { label in
            layout.goalPage(label.id, linkedFrom: language, national: national).map { "../" + $0 }
        }
        for set in report.sets {
            let entries = region.labels.filter { $0.label.set == set }
            guard !entries.isEmpty else { continue }
            html += "<h2 id=\"\(HTMLText.anchor("set", set))\">\(e(set))</h2>\n"
            if region.isAssessed {
                for entry in entries { html += page.render(entry) }
            } else {
                html += unassessed(entries)
            }
        }
        html += "</body>\n</html>\n"
        return html
    }

    private func summary(_ region: RegionCoverage) -> String {
        let counts = Dictionary(grouping: region.labels, by: \.level).mapValues(\.count)
        let items = CoverageLevel.allCases.map { level in
            "<li>\(LevelBadge.html(level, strings)) \(counts[level] ?? 0)</li>"
        }.joined(separator: "\n")
        return "<ul class=\"legend\" aria-label=\"\(strings.html("region.levels"))\">\n\(items)\n</ul>\n"
    }

    private func notices(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        let t = strings
        if !region.isAssessed {
            let reason = t.html(region.documents.isEmpty ? "region.no-documents" : "region.none-readable")
            return
                "<p class=\"notice not-assessed\"><strong>\(t.html("region.could-not-assess"))</strong> \(reason)</p>\n"
        }
        let incomplete = region.incompleteDocuments
        guard !incomplete.isEmpty else { return "" }
        let items = incomplete.map {
            "<li><code>\(e($0.path))</code> (\(e(t.status($0.status)))): \(e(TrustText.action($0, t)))</li>"
        }.joined(separator: "\n")
        return
            "<div class=\"notice\"><p><strong><span class=\"caveat\">!</span> \(e(t.counted("region.incomplete", incomplete.count)))</strong></p>\n<ul>\n\(items)\n</ul>\n<p>\(t.html("region.gaps-may-be-there"))</p></div>\n"
    }

    private func documents(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        let t = strings
        var html = "<h2 id=\"documents\">\(t.html("region.documents"))</h2>\n"
        guard !region.documents.isEmpty else { return html + "<p class=\"muted\">\(t.html("region.none"))</p>\n" }
        let headings = ["region.document", "region.status", "region.pages", "region.language", "region.notes"]
        html +=
            "<div class=\"table-wrap\"><table class=\"list documents\">\n<thead><tr>"
            + headings.map { "<th>\(t.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for document in region.documents {
            let notes = document.diagnostics.map { DiagnosticText.html($0, t) }.joined(separator: "<br>")
            var name = "<code>\(HTMLText.path(document.path))</code>"
            if let page = links.documentPage(document.path) { name = "<a href=\"\(e(page))\">\(name)</a>" }
            if let source = links.source(document.path) {
                name += " <a class=\"muted\" href=\"\(e(source))\">\(t.html("document.source"))</a>"
            }
            html +=
                "<tr><td>\(name)</td><td>\(e(t.status(document.status)))</td><td>\(document.pages)</td><td>\(e(t.language(document.language)))</td><td>\(notes)</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func changes(_ region: RegionCoverage) -> String {
        guard !region.changes.isEmpty else { return "" }
        let swedish = language == .swedish
        let titles = Dictionary(region.labels.map { ($0.label.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        var html = "<h2 id=\"changes\">\(strings.html("region.changes"))</h2>\n"
        for basis in CoverageChange.Basis.allCases {
            let changes = region.changes.filter { $0.basis == basis }
            guard !changes.isEmpty else { continue }
            html += "<h3>\(HTMLText.escape(ChangeWording.basis(basis, strings)))</h3>\n<ul class=\"changes\">\n"
            for change in changes {
                let target =
                    titles[change.label].map {
                        "<a href=\"#\(HTMLText.anchor("label", $0.id))\">\(HTMLText.escape($0.title(swedish: swedish)))</a>"
                    }
                    ?? HTMLText.escape(change.label)
                html +=
                    "<li>\(HTMLText.escape(ChangeWording.verb(change, strings))): \(target) — \(LevelBadge.html(change.from, strings)) → \(LevelBadge.html(change.to, strings))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// The region's history: every change between runs and between document versions, oldest first.
    private func timelineSection() -> String {
        guard !timeline.isEmpty else { return "" }
        let table = TimelineTable(strings: strings, labels: report.labels, regionPages: nil, linksGoals: true)
        return
            "<h2 id=\"timeline\">\(strings.html("timeline.heading"))</h2>\n<p>\(strings.html("timeline.intro"))</p>\n"
            + table.render(timeline)
    }

    /// A region without a readable document: one compact row per label (still an anchor for matrix links).
    private func unassessed(_ entries: [LabelCoverage]) -> String {
        let e = HTMLText.escape
        var html = "<table class=\"list\">\n<tbody>\n"
        for entry in entries {
            html +=
                "<tr id=\"\(HTMLText.anchor("label", entry.label.id))\"><td>\(e(entry.label.title(swedish: language == .swedish)))</td><td><code>\(e(entry.label.id))</code></td><td>\(LevelBadge.html(entry.level, strings))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
