import EloCore

/// The HTML page of one region: its documents, a section per label with level, evidence and near-misses,
/// and what changed. Self-contained (inline CSS, no scripts); every piece of document text is escaped.
public struct RegionPageRenderer: Sendable {
    public var report: CoverageReport
    /// Link back to the national matrix, relative to the page.
    public var indexLink: String

    public init(report: CoverageReport, indexLink: String = "../index.html") {
        self.report = report
        self.indexLink = indexLink
    }

    public func render(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        var html = """
        \(ReportStyle.pageStart(title: region.name + " — " + report.title))
        <p class="meta"><a href="\(e(indexLink))">← National matrix</a> · \(e(report.title))</p>
        <h1>\(e(region.name))</h1>
        <p class="meta">Region <code>\(e(region.region))</code> · pipeline <code>\(e(report.pipeline))</code>\
        \(report.generated.map { " · generated \(e($0))" } ?? "")</p>

        """
        html += summary(region)
        html += notices(region)
        html += documents(region)
        html += changes(region)
        for set in report.sets {
            let entries = region.labels.filter { $0.label.set == set }
            guard !entries.isEmpty else { continue }
            html += "<h2 id=\"\(HTMLText.anchor("set", set))\">\(e(set))</h2>\n"
            if region.isAssessed {
                for entry in entries { html += label(entry) }
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
            "<li>\(LevelBadge.html(level)) \(counts[level] ?? 0)</li>"
        }.joined(separator: "\n")
        return "<ul class=\"legend\" aria-label=\"Labels by level\">\n\(items)\n</ul>\n"
    }

    private func notices(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        if !region.isAssessed {
            let reason = region.documents.isEmpty
                ? "No document has been received from this region."
                : "None of this region's documents could be read, so its coverage could not be assessed. This is not a gap."
            return "<p class=\"notice not-assessed\"><strong>Could not assess.</strong> \(reason)</p>\n"
        }
        let unreadable = region.unreadableDocuments
        guard !unreadable.isEmpty else { return "" }
        let names = unreadable.map { "<code>\(e($0.path))</code> (\(e($0.status.rawValue)))" }.joined(separator: ", ")
        return "<p class=\"notice\"><strong>Assessed without \(unreadable.count) unreadable document\(unreadable.count == 1 ? "" : "s"):</strong> \(names). Gaps below may be covered there.</p>\n"
    }

    private func documents(_ region: RegionCoverage) -> String {
        let e = HTMLText.escape
        var html = "<h2 id=\"documents\">Documents</h2>\n"
        guard !region.documents.isEmpty else { return html + "<p class=\"muted\">None.</p>\n" }
        html += "<table class=\"list\">\n<thead><tr><th>Document</th><th>Status</th><th>Pages</th><th>Language</th><th>Notes</th></tr></thead>\n<tbody>\n"
        for document in region.documents {
            let notes = document.diagnostics.map { "<code>\(e($0.id))</code> \(e($0.message))" }.joined(separator: "<br>")
            html += "<tr><td><code>\(e(document.path))</code></td><td>\(e(document.status.rawValue))</td><td>\(document.pages)</td><td>\(e(document.language.rawValue))</td><td>\(notes)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func changes(_ region: RegionCoverage) -> String {
        guard !region.changes.isEmpty else { return "" }
        let titles = Dictionary(region.labels.map { ($0.label.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        var html = "<h2 id=\"changes\">Changes</h2>\n"
        for basis in CoverageChange.Basis.allCases {
            let changes = region.changes.filter { $0.basis == basis }
            guard !changes.isEmpty else { continue }
            html += "<h3>\(basis == .previousRun ? "Since the previous run" : "Since the previous document version")</h3>\n<ul class=\"changes\">\n"
            for change in changes {
                let target = titles[change.label].map { "<a href=\"#\(HTMLText.anchor("label", $0.id))\">\(HTMLText.escape($0.title))</a>" }
                    ?? HTMLText.escape(change.label)
                html += "<li>\(ChangeWording.verb(change)): \(target) — \(LevelBadge.html(change.from)) → \(LevelBadge.html(change.to))</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// A region without a readable document: one compact row per label (still an anchor for matrix links).
    private func unassessed(_ entries: [LabelCoverage]) -> String {
        let e = HTMLText.escape
        var html = "<table class=\"list\">\n<tbody>\n"
        for entry in entries {
            html += "<tr id=\"\(HTMLText.anchor("label", entry.label.id))\"><td>\(e(entry.label.title))</td><td><code>\(e(entry.label.id))</code></td><td>\(LevelBadge.html(entry.level))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func label(_ entry: LabelCoverage) -> String {
        let e = HTMLText.escape
        let anchor = HTMLText.anchor("label", entry.label.id)
        var html = """
        <section class="label-entry" id="\(anchor)">
        <header><h3>\(e(entry.label.title))</h3> \(LevelBadge.html(entry.level)) <code>\(e(entry.label.id))</code></header>

        """
        switch entry.level {
        case .notAssessed:
            html += "<p class=\"muted\">No readable document.</p>\n"
        case .notCovered where entry.evidence.isEmpty:
            html += "<p class=\"muted\">No passage reached the threshold.</p>\n"
        default:
            let more = entry.passageCount > entry.evidence.count ? " (best \(entry.evidence.count) of \(entry.passageCount))" : ""
            html += "<h4>Evidence\(more)</h4>\n"
            for (index, item) in entry.evidence.enumerated() {
                html += quote(item, id: "\(anchor)-evidence-\(index + 1)", nearMiss: false)
            }
        }
        if entry.level.isGap {
            if entry.nearMisses.isEmpty {
                html += "<p class=\"muted\">No near-misses: no passage came close.</p>\n"
            } else {
                html += "<h4>Near-misses (below the threshold)</h4>\n"
                for (index, item) in entry.nearMisses.enumerated() {
                    html += quote(item, id: "\(anchor)-near-miss-\(index + 1)", nearMiss: true)
                }
            }
        }
        return html + "</section>\n"
    }

    private func quote(_ item: CoverageEvidence, id: String, nearMiss: Bool) -> String {
        let e = HTMLText.escape
        let cues = item.cues.isEmpty ? "" : " · matched: " + item.cues.map(e).joined(separator: ", ")
        return """
        <blockquote id="\(id)"\(nearMiss ? " class=\"near-miss\"" : "")><p>\(HTMLText.highlighted(item.quote, item.highlights))</p>
        <footer><code>\(e(item.document))</code>, page \(item.page) · score \(HTMLText.score(item.score))\(ocrNote(item))\(cues)</footer></blockquote>

        """
    }

    /// Marks evidence whose text came from OCR, with the recogniser's confidence, so analysts check it.
    private func ocrNote(_ item: CoverageEvidence) -> String {
        guard let confidence = item.ocrConfidence else { return "" }
        return " · <strong class=\"ocr\">OCR, confidence \(Int((confidence * 100).rounded())) %</strong>"
    }
}
