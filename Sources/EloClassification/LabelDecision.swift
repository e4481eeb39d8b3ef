import EloCore

/// A label given to a passage, with the score and the evidence that justify it.
public struct LabelDecision: Sendable, Codable, Hashable {
    public var id: String
    /// 0…1; `1 − e^(−sum of matched cue weights)`, so one cue of weight 1 scores 0.63.
    public var score: Double
    /// The cue terms found in the passage; never empty.
    public var evidence: [Evidence]
    /// For labels that require an anchor (Ohjaamo labels): where the anchor was found.
    public var anchor: AnchorEvidence?
    /// A near-miss: the score is below the label's threshold (but at least the pipeline's near-miss score).
    public var belowThreshold = false

    public init(
        id: String, score: Double, evidence: [Evidence], anchor: AnchorEvidence? = nil, belowThreshold: Bool = false
    ) {
        precondition(!evidence.isEmpty, "label \(id) without evidence")
        self.id = id
        self.score = score
        self.evidence = evidence
        self.anchor = anchor
        self.belowThreshold = belowThreshold
    }
}

/// One matched cue (cue term, matched text, `Character` offsets in the passage): the same value a
/// `Passage`'s labels carry, so decisions and stored labels share one evidence type.
public typealias Evidence = PassageLabel.Evidence

/// Where the anchor of a label was found: `passage` is relative to the labelled passage (0 = in it,
/// −1 = the passage before); offsets are in that passage's text.
public struct AnchorEvidence: Sendable, Codable, Hashable {
    public var cue: String
    public var text: String
    public var passage: Int
    public var start: Int
    public var end: Int
}
