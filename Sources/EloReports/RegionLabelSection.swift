import EloCore

/// One label's section of a region page: title, level, evidence and, for a gap, the near-misses.
struct RegionLabelSection {
    var strings: ReportStrings
    var thresholds: CoverageThresholds
    var region: RegionCoverage
    var links: EvidenceLinks

    func render(_ entry: LabelCoverage) -> String {
        let e = HTMLText.escape, t = strings
        let anchor = HTMLText.anchor("label", entry.label.id)
        var html = """
        <section class="label-entry" id="\(anchor)">
        <header><h3>\(e(entry.label.title(swedish: t.language == .swedish)))</h3> \(LevelBadge.html(entry.level, t)) <code>\(e(entry.label.id))</code></header>

        """
        if region.dependsOnIncompleteDocuments(entry.level) {
            html += "<p class=\"caveat-note\"><span class=\"caveat\">!</span> \(t.html("caveat.label")) \(e(TrustText.documents(region, t)))</p>\n"
        }
        switch entry.level {
        case .notAssessed:
            html += "<p class=\"muted\">\(t.html("label.no-readable"))</p>\n"
        case .notCovered where entry.evidence.isEmpty:
            html += "<p class=\"muted\">\(t.html("label.nothing-reached"))</p>\n"
        default:
            let more = entry.passageCount > entry.evidence.count
                ? " " + t.html("label.best-of", ["shown": String(entry.evidence.count), "total": String(entry.passageCount)]) : ""
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

    private func quote(_ item: CoverageEvidence, label: CoverageLabel, id: String, nearMiss: Bool) -> String {
        let e = HTMLText.escape, t = strings
        let why = TrustText.reason(item, label: label, thresholds: thresholds, nearMiss: nearMiss, t)
            .map { "<br><span class=\"why\">\(e($0))</span>" } ?? ""
        let cues = item.cues.isEmpty ? "" : " · " + t.html("quote.matched", ["cues": item.cues.map { e(CueText.readable($0, t)) }.joined(separator: ", ")])
        return """
        <blockquote id="\(id)"\(nearMiss ? " class=\"near-miss\"" : "")><p>\(HTMLText.highlighted(item.quote, item.highlights))</p>
        <footer>\(place(item)) · \(t.html("quote.score", ["score": t.number(item.score)]))\(ocrNote(item))\(cues)\(why)</footer></blockquote>

        """
    }

    /// `lappi/plan.pdf, sivu 3`, linked to the passage on the document's page, then to the source file at that page.
    private func place(_ item: CoverageEvidence) -> String {
        let e = HTMLText.escape, t = strings
        var html = "<code>\(e(item.document))</code>, \(t.html("quote.page", ["page": String(item.page)]))"
        if let page = links.documentPage(item.document, page: item.page, passage: item.passage) {
            html = "<a href=\"\(e(page))\" title=\"\(t.html("quote.document-page"))\">\(html)</a>"
        }
        if let source = links.source(item.document, page: item.page) {
            html += " (<a href=\"\(e(source))\">\(t.html("document.source"))</a>)"
        }
        return html
    }

    /// Marks evidence whose text came from OCR, with the recogniser's confidence, so analysts check it.
    private func ocrNote(_ item: CoverageEvidence) -> String {
        guard let confidence = item.ocrConfidence else { return "" }
        return " · <strong class=\"ocr\">\(strings.html("quote.ocr", ["percent": String(Int((confidence * 100).rounded()))]))</strong>"
    }
}
