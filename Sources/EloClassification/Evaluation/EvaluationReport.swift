/// What `elo eval` reports: per-label and per-set scores, and the quotes it could not place.
public struct EvaluationReport: Sendable, Codable, Hashable {
    public struct LabelScore: Sendable, Codable, Hashable {
        public var id: String
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        public var precision: Double?
        public var recall: Double?
        /// `nil` when the label neither occurs in the gold labels nor is predicted (not in the macro mean).
        public var f1: Double?
    }

    public struct SetScore: Sendable, Codable, Hashable {
        public var set: String
        /// Label lines judged on this set whose quote was found.
        public var passages: Int
        public var labels: [LabelScore]
        public var microPrecision: Double?
        public var microRecall: Double?
        public var microF1: Double?
        /// Mean F1 over labels with at least one gold or predicted occurrence.
        public var macroF1: Double?
    }

    public struct UnmatchedQuote: Sendable, Codable, Hashable {
        public var line: Int
        public var document: String
        public var quote: String
        /// `document-not-found`, `not-found` or `spans-passages`.
        public var reason: String
    }

    /// A label line whose passage got labels other than the gold ones (within the judged sets).
    public struct Mistake: Sendable, Codable, Hashable {
        public var line: Int
        public var document: String
        public var quote: String
        /// The passage the quote was found in, as classified.
        public var passage: String
        /// Gold labels the classifier did not give (false negatives).
        public var missed: [String]
        /// Labels the classifier gave that are not gold (false positives), with their evidence.
        public var extra: [LabelDecision]
    }

    /// The scores of the lines whose passage is in one language (`fi`, `sv`, …).
    public struct LanguageScore: Sendable, Codable, Hashable {
        public var language: String
        /// Lines in this language (judged on the set most judged).
        public var passages: Int
        public var sets: [SetScore]
    }

    public var mode: String
    public var lines: Int
    public var matched: Int
    public var sets: [SetScore]
    public var unmatched: [UnmatchedQuote]
    /// Quotes found in more than one passage (scored on the first).
    public var ambiguous: Int
    public var mistakes: [Mistake] = []
    public var passagesClassified: Int
    public var seconds: Double
    public var passagesPerSecond: Double?
    /// The same scores per passage language.
    public var languages: [LanguageScore] = []
    /// With `elo eval --cross-validate K`: the number of folds (by document) the model was fitted and scored in.
    public var folds: Int?
}
