/// When a label counts as covered or weakly covered in a region, read from the pipeline file's `coverage:`
/// section. The levels mean what the answer key means (corpus/README.md): **covered** — at least
/// `covered.passages` passages substantively address the goal: the classifier gave the label (scoring at
/// least `covered.score`) on a paragraph of at least `substantiveWords` words or a list item; **weak** — only
/// passing mentions: the label given on a heading or on a shorter paragraph (half a sentence), or a near-miss
/// scoring at least `weak.score` (cues enough, but the classifier set it aside as a passing mention, a list of
/// unrelated words, or something deferred); **not covered** — neither. Scores follow the classifier (1 −
/// e^(−sum of cue weights), label threshold 0.5):
///
/// ```yaml
/// coverage:
///   covered: {passages: 1, score: 0.5}
///   weak: {passages: 1, score: 0.5}
///   near_miss_score: 0.25
///   evidence_limit: 3
///   near_miss_limit: 3
/// ```
public struct CoverageThresholds: Sendable, Codable, Hashable {
    /// A minimum number of passages, each scoring at least `score`.
    public struct Rule: Sendable, Codable, Hashable {
        public var passages: Int
        public var score: Double

        public init(passages: Int, score: Double) {
            self.passages = passages
            self.score = score
        }
    }

    public var covered: Rule
    public var weak: Rule
    /// Passages scoring at least this much, but below `weak.score`, are near-misses of a gap.
    public var nearMissScore: Double
    /// How many evidence passages to keep per region and label, best first.
    public var evidenceLimit: Int
    /// How many near-misses to keep per region and label, best first.
    public var nearMissLimit: Int
    /// A paragraph shorter than this many words (half a sentence, "will be looked at later") is a passing
    /// mention even when the label was given: it makes a label weak, never covered.
    public var substantiveWords: Int

    public init(
        covered: Rule = Rule(passages: 1, score: 0.5), weak: Rule = Rule(passages: 1, score: 0.5),
        nearMissScore: Double = 0.25, evidenceLimit: Int = 3, nearMissLimit: Int = 3, substantiveWords: Int = 14
    ) {
        self.substantiveWords = substantiveWords
        self.covered = covered
        self.weak = weak
        self.nearMissScore = nearMissScore
        self.evidenceLimit = evidenceLimit
        self.nearMissLimit = nearMissLimit
    }

    /// The thresholds used when the pipeline file has no `coverage` section.
    public static let defaults = CoverageThresholds()

    /// Problems that make the thresholds unusable, for a person (empty when they are consistent).
    public var problems: [String] {
        var found: [String] = []
        for (name, rule) in [("covered", covered), ("weak", weak)] {
            if rule.passages < 1 { found.append("coverage.\(name).passages must be at least 1") }
            if !(0...1).contains(rule.score) { found.append("coverage.\(name).score must be between 0 and 1") }
        }
        if weak.score > covered.score { found.append("coverage.weak.score must not exceed coverage.covered.score") }
        if !(0...1).contains(nearMissScore) || nearMissScore > weak.score {
            found.append("coverage.near_miss_score must be between 0 and coverage.weak.score")
        }
        if substantiveWords < 0 { found.append("coverage.substantive_words must be at least 0") }
        if evidenceLimit < 1 || nearMissLimit < 0 {
            found.append("coverage.evidence_limit must be at least 1, near_miss_limit at least 0")
        }
        return found
    }

    enum CodingKeys: String, CodingKey {
        case covered, weak
        case nearMissScore = "near_miss_score"
        case evidenceLimit = "evidence_limit"
        case nearMissLimit = "near_miss_limit"
        case substantiveWords = "substantive_words"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = CoverageThresholds.defaults
        covered = try container.decodeIfPresent(Rule.self, forKey: .covered) ?? defaults.covered
        weak = try container.decodeIfPresent(Rule.self, forKey: .weak) ?? defaults.weak
        nearMissScore = try container.decodeIfPresent(Double.self, forKey: .nearMissScore) ?? defaults.nearMissScore
        evidenceLimit = try container.decodeIfPresent(Int.self, forKey: .evidenceLimit) ?? defaults.evidenceLimit
        nearMissLimit = try container.decodeIfPresent(Int.self, forKey: .nearMissLimit) ?? defaults.nearMissLimit
        substantiveWords =
            try container.decodeIfPresent(Int.self, forKey: .substantiveWords) ?? defaults.substantiveWords
    }
}
