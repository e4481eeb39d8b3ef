import EloCore

/// One region's report as Markdown: the same content as the HTML page, for e-mail and wikis.
public struct RegionMarkdownRenderer: Sendable {
    public var report: CoverageReport

    public init(report: CoverageReport) { self.report = report }

    public func render(_ region: RegionCoverage) -> String {
        let e = MarkdownText.escape
        var md = "# \(e(region.name))\n\n"
        md += "Region `\(code(region.region))` · pipeline `\(code(report.pipeline))`"
        md += report.generated.map { " · generated \(e($0))" } ?? ""
        md += "\n\n"
        let counts = Dictionary(grouping: region.labels, by: \.level).mapValues(\.count)
        md += CoverageLevel.allCases.map { "\($0.title): \(counts[$0] ?? 0)" }.joined(separator: " · ") + "\n\n"
        if !region.isAssessed {
            md += "> **Could not assess.** No readable document from this region; this is not a gap.\n\n"
        } else if !region.unreadableDocuments.isEmpty {
            md += "> **Assessed without unreadable documents:** "
            md += region.unreadableDocuments.map { "`\(code($0.path))` (\($0.status.rawValue))" }.joined(separator: ", ")
            md += ". Gaps below may be covered there.\n\n"
        }
        md += "## Documents\n\n"
        if region.documents.isEmpty { md += "None.\n\n" } else {
            md += "| Document | Status | Pages | Language |\n|---|---|---|---|\n"
            for document in region.documents {
                md += "| `\(code(document.path))` | \(document.status.rawValue) | \(document.pages) | \(document.language.rawValue) |\n"
            }
            md += "\n"
        }
        if !region.changes.isEmpty {
            md += "## Changes\n\n"
            for change in region.changes {
                let basis = change.basis == .previousRun ? "since the previous run" : "since the previous version"
                md += "- \(ChangeWording.verb(change)) \(basis): `\(code(change.label))` (\(change.from.title) → \(change.to.title))\n"
            }
            md += "\n"
        }
        for set in report.sets {
            let entries = region.labels.filter { $0.label.set == set }
            guard !entries.isEmpty else { continue }
            md += "## \(e(set))\n\n"
            for entry in entries { md += label(entry) }
        }
        return md
    }

    private func label(_ entry: LabelCoverage) -> String {
        var md = "### \(MarkdownText.escape(entry.label.title)) — \(LevelBadge.symbol(entry.level)) \(entry.level.title)\n\n"
        md += "`\(code(entry.label.id))`"
        if entry.level != .notAssessed { md += " · \(entry.passageCount) passage\(entry.passageCount == 1 ? "" : "s") at or above the weak score" }
        md += "\n\n"
        for item in entry.evidence { md += quote(item) }
        if entry.level.isGap && !entry.nearMisses.isEmpty {
            md += "Near-misses (below the threshold):\n\n"
            for item in entry.nearMisses { md += quote(item) }
        }
        return md
    }

    private func quote(_ item: CoverageEvidence) -> String {
        "> \(MarkdownText.highlighted(item.quote, item.highlights))\n>\n> — `\(code(item.document))`, page \(item.page), score \(HTMLText.score(item.score))\(item.ocrConfidence.map { ", OCR (confidence \(Int(($0 * 100).rounded())) %)" } ?? "")\n\n"
    }

    /// Text inside a code span: backticks cannot end the span early, newlines cannot break the line.
    private func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}
