import EloCore

/// The result for one region and one label: the level, the passages that justify it and, for a gap,
/// the closest near-misses, so an analyst can tell a real gap from a wording the classifier missed.
public struct LabelCoverage: Sendable, Codable, Hashable {
    public var label: CoverageLabel
    public var level: CoverageLevel
    /// Passages at or above the weak score, best first, at most `evidenceLimit`.
    public var evidence: [CoverageEvidence]
    /// How many passages reached the weak score in all (evidence shows only the best).
    public var passageCount: Int
    /// For `weak` and `notCovered`: passages scoring between the near-miss and the weak score, best first.
    public var nearMisses: [CoverageEvidence]

    enum CodingKeys: String, CodingKey {
        case label, level, evidence
        case passageCount = "passage_count"
        case nearMisses = "near_misses"
    }
}
