import EloCore

/// One region's report as Markdown: the same content as the HTML page, for e-mail and wikis, in the page's
/// language.
public struct RegionMarkdownRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext

    public init(report: CoverageReport, language: ReportLanguage = .finnish, links: EvidenceLinks = EvidenceLinks()) {
        context = ReportContext(report: report, language: language, links: links)
    }

    public func render(_ region: RegionCoverage) -> String {
        let e = MarkdownText.escape
        let t = strings
        var md = "# \(e(region.name))\n\n"
        md +=
            "\(t.text("meta.region")) `\(code(region.region))` · \(t.text("meta.pipeline")) `\(code(report.pipeline))`"
        md += report.generated.map { " · " + e(t.text("meta.generated", ["date": $0])) } ?? ""
        md += "\n\n"
        let counts = Dictionary(grouping: region.labels, by: \.level).mapValues(\.count)
        md += CoverageLevel.allCases.map { "\(t.level($0)): \(counts[$0] ?? 0)" }.joined(separator: " · ") + "\n\n"
        if !region.isAssessed {
            md +=
                "> **\(t.text("region.could-not-assess"))** \(t.text(region.documents.isEmpty ? "region.no-documents" : "region.none-readable"))\n\n"
        } else if !region.incompleteDocuments.isEmpty {
            md += "> **! \(t.counted("region.incomplete", region.incompleteDocuments.count))**\n>\n"
            for document in region.incompleteDocuments {
                md +=
                    "> - `\(code(document.path))` (\(t.status(document.status))): \(MarkdownText.escape(TrustText.action(document, t)))\n"
            }
            md += ">\n> \(t.text("region.gaps-may-be-there"))\n\n"
        }
        md += documents(region)
        if !region.changes.isEmpty {
            md += "## \(t.text("region.changes"))\n\n"
            for change in region.changes {
                md +=
                    "- \(ChangeWording.verb(change, t)) (\(ChangeWording.basis(change.basis, t).lowercased())): `\(code(change.label))` (\(t.level(change.from)) → \(t.level(change.to)))\n"
            }
            md += "\n"
        }
        for set in report.sets {
            let entries = region.labels.filter { $0.label.set == set }
            guard !entries.isEmpty else { continue }
            md += "## \(e(set))\n\n"
            for entry in entries { md += label(entry, in: region) }
        }
        return md
    }

    private func documents(_ region: RegionCoverage) -> String {
        let t = strings
        var md = "## \(t.text("region.documents"))\n\n"
        guard !region.documents.isEmpty else { return md + "\(t.text("region.none"))\n\n" }
        let headings = ["region.document", "region.status", "region.pages", "region.language"].map { t.text($0) }
        md += "| " + headings.joined(separator: " | ") + " |\n|---|---|---|---|\n"
        for document in region.documents {
            md +=
                "| `\(code(document.path))` | \(t.status(document.status)) | \(document.pages) | \(t.language(document.language)) |\n"
        }
        return md + "\n"
    }

    private func label(_ entry: LabelCoverage, in region: RegionCoverage) -> String {
        let t = strings
        var md =
            "### \(MarkdownText.escape(entry.label.title(swedish: language == .swedish))) — \(LevelBadge.symbol(entry.level)) \(t.level(entry.level))\n\n"
        md += "`\(code(entry.label.id))`"
        if entry.level != .notAssessed { md += " · " + t.counted("label.passages", entry.passageCount) }
        md += "\n\n"
        if region.dependsOnIncompleteDocuments(entry.level) {
            md += "**!** \(t.text("caveat.label")) \(MarkdownText.escape(TrustText.documents(region, t)))\n\n"
        }
        for item in entry.evidence { md += quote(item, label: entry.label, nearMiss: false) }
        if entry.level.isGap && !entry.nearMisses.isEmpty {
            md += "\(t.text("label.near-misses")):\n\n"
            for item in entry.nearMisses { md += quote(item, label: entry.label, nearMiss: true) }
        }
        return md
    }

    private func quote(_ item: CoverageEvidence, label: CoverageLabel, nearMiss: Bool) -> String {
        let t = strings
        var source = "`\(code(item.document))`, \(t.text("quote.page", ["page": String(item.page)]))"
        if let page = links.documentPage(item.document, page: item.page, passage: item.passage) {
            source = "[\(source)](\(page.replacingOccurrences(of: " ", with: "%20")))"
        }
        if let file = links.source(item.document, page: item.page) {
            source += " ([\(t.text("document.source"))](\(file)))"
        }
        source += ", \(t.text("quote.score", ["score": t.number(item.score)]))"
        if let confidence = item.ocrConfidence {
            source += ", " + t.text("quote.ocr", ["percent": String(Int((confidence * 100).rounded()))])
        }
        if let why = TrustText.reason(item, label: label, thresholds: report.thresholds, nearMiss: nearMiss, t) {
            source += " — " + MarkdownText.escape(why)
        }
        return "> \(MarkdownText.highlighted(item.quote, item.highlights))\n>\n> — \(source)\n\n"
    }

    /// Text inside a code span: backticks cannot end the span early, newlines cannot break the line.
    private func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
