import EloCore

/// What reports say about results that may not be final: the documents of a region that could not be read
/// (in full) with what to do about each, and why a near-miss or a passing mention did not count.
enum TrustText {
    /// What to do about an incomplete document: its first error or warning explained, else its status's advice.
    static func action(_ document: CoverageDocument, _ strings: ReportStrings) -> String {
        if let diagnostic = document.diagnostics.first(where: { $0.severity >= .warning && $0.id != "extraction.xref-repaired" }) {
            return DiagnosticText.text(diagnostic, strings)
        }
        return strings.text("action.\(document.status.rawValue)")
    }

    /// `lappi/plan.pdf (luettu osittain)` for each incomplete document of the region.
    static func documents(_ region: RegionCoverage, _ strings: ReportStrings) -> String {
        region.incompleteDocuments.map { "\($0.path) (\(strings.status($0.status)))" }.joined(separator: ", ")
    }

    /// Why `item` did not count, in words ("ei laskettu: vain otsikko"); nil when it counts fully.
    static func reason(_ item: CoverageEvidence, label: CoverageLabel, thresholds: CoverageThresholds, nearMiss: Bool,
                       _ strings: ReportStrings) -> String? {
        guard let reason = item.reason else { return nil }
        let limit: Double? = switch reason {
        case .belowWeakScore: thresholds.weak.score
        case .belowCoveredScore: thresholds.covered.score
        case .belowThreshold: label.threshold ?? 0.5
        default: nil
        }
        var values = ["score": strings.number(item.score), "words": String(thresholds.substantiveWords)]
        if let limit { values["limit"] = strings.number(limit) }
        let words = strings.text("reason.\(reason.rawValue)", values)
        return strings.text(nearMiss ? "quote.why-near-miss" : "quote.why-weak", ["reason": words])
    }
}
