/// The learned layer as a pipeline applies it (`model:` of the pipeline file): the model and the two
/// thresholds by which its probability and the cue rules decide together.
///
/// A label is given when the model's probability reaches `threshold`, or when the cue rules give it and the
/// probability is at least `keepRuleLabels` — so a cue a secretary adds to a label file takes effect without
/// retraining, unless the model is all but sure the passage is not about the goal.
public struct LearnedLayer: Sendable {
    public var model: LabelModel
    /// The pipeline file's thresholds for every set (nil: the model's own, per set where it has them).
    public var threshold: Double?
    public var keepRuleLabels: Double?
    /// The model was trained with other label definitions than the pipeline's now (`elo train` again).
    public var isStale: Bool
    /// A fingerprint of the model file's bytes (64-bit FNV-1a, hex), for the index's label-set version.
    public var digest = ""

    public init(model: LabelModel, threshold: Double? = nil, keepRuleLabels: Double? = nil, isStale: Bool = false) {
        self.model = model
        self.threshold = threshold
        self.keepRuleLabels = keepRuleLabels
        self.isStale = isStale
    }

    /// Whether a modelled label is given.
    public static func gives(probability: Double, ruleGives: Bool, threshold: Double, keepRuleLabels: Double) -> Bool {
        probability >= threshold || (ruleGives && probability >= keepRuleLabels)
    }

    /// The thresholds a label is decided with: the pipeline file's, else the model's for the label's set, else the
    /// model's over all sets.
    public func thresholds(for label: String) -> LabelModel.Thresholds {
        let set = model.setThresholds[String(label.prefix { $0 != "." })]
        return LabelModel.Thresholds(
            threshold: threshold ?? set?.threshold ?? model.threshold,
            keepRuleLabels: keepRuleLabels ?? set?.keepRuleLabels ?? model.keepRuleLabels)
    }

    /// The thresholds of each of the model's labels, in its order: what the classifier decides every passage with
    /// (looked up once, not once a passage and label).
    var modelledThresholds: [LabelModel.Thresholds] { model.labels.map { thresholds(for: $0.id) } }
}
