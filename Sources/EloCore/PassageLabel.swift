/// One label the classifier gave a passage, with the score and the evidence behind it.
/// A label without evidence is a bug: every decision must be traceable to matched cue terms.
public struct PassageLabel: Sendable, Codable, Hashable {
    /// A fixed label id from taxonomy.md, e.g. `okm2011.laatu`.
    public var id: String
    /// Confidence in 0…1; labels at or above the pipeline's threshold are assigned.
    public var score: Double
    public var evidence: [Evidence]

    public init(id: String, score: Double, evidence: [Evidence]) {
        self.id = id
        self.score = score
        self.evidence = evidence
    }

    /// A cue term matched in the passage text.
    public struct Evidence: Sendable, Codable, Hashable {
        /// The cue as written in the label file (`laatu`).
        public var cue: String
        /// The words of the passage that matched it (`laadun`).
        public var text: String
        /// Character offsets (Swift `Character`s) of the match in the passage text, end exclusive.
        public var start: Int
        public var end: Int

        public init(cue: String, text: String, start: Int, end: Int) {
            self.cue = cue
            self.text = text
            self.start = start
            self.end = end
        }
    }
}
