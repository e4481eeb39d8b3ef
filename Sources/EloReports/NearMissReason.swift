import EloCore

/// Why a passage shown beside a goal did not count as covering it: a near-miss of a gap, or a passing
/// mention that makes a goal only weakly covered. Reports say it in words, `elo gaps --format json` as the code.
public enum NearMissReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// The label is on a heading: a heading alone does not address a goal.
    case heading
    /// Given on a paragraph shorter than `CoverageThresholds.substantiveWords` words: a passing mention.
    case shortParagraph = "short-paragraph"
    /// Given, but scoring below the report's weak score (`coverage.weak.score`).
    case belowWeakScore = "below-weak-score"
    /// Given, but scoring below the report's covered score (`coverage.covered.score`).
    case belowCoveredScore = "below-covered-score"
    /// Not given: the cue words scored below the threshold of the label (its own, else its pipeline's).
    case belowThreshold = "below-threshold"
    /// Not given although the cue rules' score reached the threshold: the learned layer ruled it out.
    case ruledOutByModel = "ruled-out-by-model"
    /// Not given although the cue words reached the threshold: they were one item of a list of unrelated
    /// words, or in a sentence that only postpones or discusses the matter.
    case setAside = "set-aside"
    /// Not given: the label is given only with others (`given_with:`, e.g. tem2012.osaaminen with
    /// okm2011.osaaminen) and the passage does not carry them.
    case notGivenWith = "not-given-with"
}
