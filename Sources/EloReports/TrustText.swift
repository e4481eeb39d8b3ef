import EloCore

/// What reports say about results that may not be final: the documents of a region that could not be read
/// (in full) with what to do about each, and why a near-miss or a passing mention did not count.
enum TrustText {
    /// What to do about an incomplete document: its first error or warning explained, else its status's advice.
    static func action(_ document: CoverageDocument, _ strings: ReportStrings) -> String {
        if let diagnostic = document.diagnostics.first(where: {
            $0.severity >= .warning && $0.id != "extraction.xref-repaired"
        }) {
            return DiagnosticText.text(diagnostic, strings)
        }
        return strings.text("action.\(document.status.rawValue)")
    }

    /// `lappi/plan.pdf (luettu osittain)` for each incomplete document of the region.
    static func documents(_ region: RegionCoverage, _ strings: ReportStrings) -> String {
        region.incompleteDocuments.map { "\($0.path) (\(strings.status($0.status)))" }.joined(separator: ", ")
    }

    /// Why `item` did not count, in words ("ei laskettu: vain otsikko"); nil when it counts fully.
    static func reason(
        _ item: CoverageEvidence, label: CoverageLabel, thresholds: CoverageThresholds, nearMiss: Bool,
        _ strings: ReportStrings
    ) -> String? {
        guard let reason = item.reason else { return nil }
        let words = strings.reason(reason, score: item.score, label: label, thresholds: thresholds)
        return strings.text(nearMiss ? "quote.why-near-miss" : "quote.why-weak", ["reason": words])
    }
}

extension ReportStrings {
    /// Why a passage scoring `score` did not count, in words ("pisteet 0,30 jäivät alle heikon tason rajan 0,50").
    public func reason(_ reason: NearMissReason, score: Double, label: CoverageLabel?, thresholds: CoverageThresholds)
        -> String
    {
        let limit: Double? =
            switch reason {
            case .belowWeakScore: thresholds.weak.score
            case .belowCoveredScore: thresholds.covered.score
            case .belowThreshold: label?.threshold ?? 0.5
            default: nil
            }
        var values = ["score": number(score), "words": String(thresholds.substantiveWords)]
        if let limit { values["limit"] = number(limit) }
        if reason == .notGivenWith { values["labels"] = label?.givenWith?.joined(separator: ", ") ?? "" }
        return text("reason.\(reason.rawValue)", values)
    }

    /// The region's documents not read in full, each with its status and what to do (`x.pdf (luettu osittain):
    /// Osa sivuista jäi lukematta — …`), separated by ` | `; empty when all were read.
    public func incompleteDocuments(of region: RegionCoverage) -> String {
        region.incompleteDocuments.map { "\($0.path) (\(status($0.status))): \(TrustText.action($0, self))" }.joined(
            separator: " | ")
    }
}
