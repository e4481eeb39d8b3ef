/// How well a region's documents address one label (goal) of a label set.
///
/// `notAssessed` is not a gap: it means no readable document was available (failed, needs-password,
/// needs-ocr), so nothing can be said about the region.
public enum CoverageLevel: String, Sendable, Codable, CaseIterable, Hashable {
    case covered
    case weak
    case notCovered = "not-covered"
    case notAssessed = "not-assessed"

    /// Order of strength for change detection: `nil` for `notAssessed`, which has no strength.
    public var strength: Int? {
        switch self {
        case .covered: 2
        case .weak: 1
        case .notCovered: 0
        case .notAssessed: nil
        }
    }

    /// Whether an analyst should look at this label as a (possible) gap.
    public var isGap: Bool { self == .weak || self == .notCovered }

    /// English words for command-line output; the reports take theirs, in Finnish or Swedish, from
    /// `ReportStrings` (EloReports).
    public var title: String {
        switch self {
        case .covered: "Covered"
        case .weak: "Weak"
        case .notCovered: "Not covered"
        case .notAssessed: "Not assessed"
        }
    }
}
