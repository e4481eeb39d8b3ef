import EloCore

/// One label's section of a region page: title, level, evidence and, for a gap, the near-misses. Goal pages
/// take its quotes and its trust note for their rows.
struct RegionLabelSection {
    var strings: ReportStrings
    var thresholds: CoverageThresholds
    var region: RegionCoverage
    var links: EvidenceLinks
    /// The page of a goal with every region's level, relative to the region page; nil: no goal pages.
    var goalPage: (CoverageLabel) -> String? = { _ in nil }

    func render(_ entry: LabelCoverage) -> String {
        let e = HTMLText.escape
        let t = strings
        let anchor = HTMLText.anchor("label", entry.label.id)
        let goal =
            goalPage(entry.label).map { " <a class=\"muted\" href=\"\(e($0))\">\(t.html("goal.all-regions"))</a>" }
            ?? ""
        var html = """
            <section class="label-entry" id="\(anchor)">
            <header><h3>\(e(entry.label.title(swedish: t.language == .swedish)))</h3> \(LevelBadge.html(entry.level, t)) <code>\(e(entry.label.id))</code>\(goal)</header>

            """
        html += caveat(entry.level)
        switch entry.level {
        case .notAssessed:
            html += "<p class=\"muted\">\(t.html("label.no-readable"))</p>\n"
        case .notCovered where entry.evidence.isEmpty:
            html += "<p class=\"muted\">\(t.html("label.nothing-reached"))</p>\n"
        default:
            let more =
                entry.passageCount > entry.evidence.count
                ? " "
                    + t.html(
                        "label.best-of", ["shown": String(entry.evidence.count), "total": String(entry.passageCount)])
                : ""
            html += "<h4>\(t.html("label.evidence"))\(more)</h4>\n"
            for (index, item) in entry.evidence.enumerated() {
                html += quote(item, label: entry.label, id: "\(anchor)-evidence-\(index + 1)", nearMiss: false)
            }
        }
        if entry.level.isGap {
            if entry.nearMisses.isEmpty {
                html += "<p class=\"muted\">\(t.html("label.no-near-misses"))</p>\n"
            } else {
                html += "<h4>\(t.html("label.near-misses"))</h4>\n"
                for (index, item) in entry.nearMisses.enumerated() {
                    html += quote(item, label: entry.label, id: "\(anchor)-near-miss-\(index + 1)", nearMiss: true)
                }
            }
        }
        return html + "</section>\n"
    }

    /// The note that a gap may change once the region's incomplete documents are read; empty otherwise.
    func caveat(_ level: CoverageLevel) -> String {
        guard region.dependsOnIncompleteDocuments(level) else { return "" }
        let t = strings
        return
            "<p class=\"caveat-note\"><span class=\"caveat\">!</span> \(t.html("caveat.label")) \(HTMLText.escape(TrustText.documents(region, t)))</p>\n"
    }

    /// One quote with its place (linked), score, matched cues and, when it did not count fully, why.
    func quote(_ item: CoverageEvidence, label: CoverageLabel, id: String, nearMiss: Bool) -> String {
        let e = HTMLText.escape
        let t = strings
        let why =
            TrustText.reason(item, label: label, thresholds: thresholds, nearMiss: nearMiss, t)
            .map { "<br><span class=\"why\">\(e($0))</span>" } ?? ""
        let cues =
            item.cues.isEmpty
            ? ""
            : " · "
                + t.html(
                    "quote.matched", ["cues": item.cues.map { e(CueText.readable($0, t)) }.joined(separator: ", ")])
        return """
            <blockquote id="\(id)"\(nearMiss ? " class=\"near-miss\"" : "")><p\(lang(item))>\(HTMLText.highlighted(item.quote, item.highlights))</p>
            <footer>\(place(item)) · \(t.html("quote.score", ["score": t.number(item.score)]))\(ocrNote(item))\(cues)\(why)</footer></blockquote>

            """
    }

    /// `lappi/plan.pdf, sivu 3`, linked to the passage on the document's page, then to the source file at that page.
    private func place(_ item: CoverageEvidence) -> String {
        let e = HTMLText.escape
        let t = strings
        var html = "<code>\(e(item.document))</code>, \(t.html("quote.page", ["page": String(item.page)]))"
        if let page = links.documentPage(item.document, page: item.page, passage: item.passage) {
            html = "<a href=\"\(e(page))\" title=\"\(t.html("quote.document-page"))\">\(html)</a>"
        }
        if let source = links.source(item.document, page: item.page) {
            html += " (<a href=\"\(e(source))\">\(t.html("document.source"))</a>)"
        }
        return html
    }

    /// ` lang="sv"` on a quote from a Swedish document on a Finnish page (and the other way round).
    private func lang(_ item: CoverageEvidence) -> String {
        guard let language = region.documents.first(where: { $0.path == item.document })?.language,
            language == .finnish || language == .swedish, ReportLanguage(language) != strings.language
        else { return "" }
        return " lang=\"\(language.rawValue)\""
    }

    /// Marks evidence whose text came from OCR, with the recogniser's confidence, so analysts check it.
    private func ocrNote(_ item: CoverageEvidence) -> String {
        guard let confidence = item.ocrConfidence else { return "" }
        return
            " · <strong class=\"ocr\">\(strings.html("quote.ocr", ["percent": String(Int((confidence * 100).rounded()))]))</strong>"
    }
}
