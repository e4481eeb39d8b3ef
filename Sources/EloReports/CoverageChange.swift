import EloCore

/// A label whose level differs from an earlier assessment of the same region.
public struct CoverageChange: Sendable, Codable, Hashable {
    /// What the current level is compared with.
    public enum Basis: String, Sendable, Codable, CaseIterable, Hashable {
        /// The coverage the previous run of the pipeline reported.
        case previousRun = "previous-run"
        /// The region's previous document versions, assessed with today's labels and thresholds.
        case previousVersion = "previous-version"
    }

    /// Which way the change goes, for people.
    public enum Direction: String, Sendable, Codable, CaseIterable, Hashable {
        /// The label is addressed more strongly than before (e.g. became covered).
        case gained
        /// The label is addressed less strongly than before (e.g. lost its coverage).
        case lost
        /// One side could not be assessed (unreadable documents), so strength cannot be compared.
        case assessability
    }

    public var label: String
    public var basis: Basis
    public var from: CoverageLevel
    public var to: CoverageLevel

    public var direction: Direction {
        guard let before = from.strength, let after = to.strength else { return .assessability }
        return after > before ? .gained : .lost
    }

    /// The changes between two assessments of one region, in the order of `current`'s labels.
    public static func between(
        previous: [LabelCoverage], current: [LabelCoverage], basis: Basis
    ) -> [CoverageChange] {
        let before = Dictionary(previous.map { ($0.label.id, $0.level) }, uniquingKeysWith: { first, _ in first })
        return current.compactMap { entry in
            guard let old = before[entry.label.id], old != entry.level else { return nil }
            return CoverageChange(label: entry.label.id, basis: basis, from: old, to: entry.level)
        }
    }
}
