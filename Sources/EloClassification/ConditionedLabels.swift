import EloSettings

/// The labels a pipeline decides with others (`given_with:`, see `LabelCondition`), applied to each passage's
/// decisions after the cue rules and the learned layer. Without every label of `all` given to the passage, such a
/// label is not given: its own decision stays only as a near-miss (reports show it as a passing mention, reason
/// `not-given-with`). With them and one label of `any`, it is given, with their evidence (and its own cue words, if
/// any), scoring as the weakest of them. With `all` alone, its own decision stands. A condition naming a label the
/// pipeline does not have is left out: the label is then decided on its own cues and model.
struct ConditionedLabels {
    struct Rule {
        var id: String
        var condition: LabelCondition
    }

    let rules: [Rule]
    /// Every label's position in the pipeline, for keeping decisions in label order.
    private let order: [String: Int]

    init(labels: [LabelDefinition]) {
        order = Dictionary(labels.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let pipelineLabels = Set(labels.map(\.id))
        rules = labels.compactMap { label in
            guard let condition = label.givenWith, condition.applies(among: pipelineLabels) else { return nil }
            return Rule(id: label.id, condition: condition)
        }
    }

    /// One passage's decisions with the conditioned labels decided by their conditions; conditions read the
    /// labels given before this step, so one conditioned label never decides another.
    func apply(_ decisions: [LabelDecision]) -> [LabelDecision] {
        guard !rules.isEmpty else { return decisions }
        let given = Dictionary(decisions.filter { !$0.belowThreshold }.map { ($0.id, $0) }) { first, _ in first }
        let givenIDs = Set(given.keys)
        let conditioned = Set(rules.map(\.id))
        var result = decisions.filter { !conditioned.contains($0.id) }
        for rule in rules {
            let own = decisions.first { $0.id == rule.id }
            if rule.condition.gives(given: givenIDs) {
                result.append(decision(rule, given: given, own: own))
            } else if var own {
                own.belowThreshold = own.belowThreshold || !rule.condition.allows(given: givenIDs)
                result.append(own)
            }
        }
        guard result.count > 1 else { return result }
        return result.sorted { (order[$0.id] ?? .max) < (order[$1.id] ?? .max) }
    }

    private func decision(_ rule: Rule, given: [String: LabelDecision], own: LabelDecision?) -> LabelDecision {
        let all = rule.condition.all.compactMap { given[$0] }
        let any = rule.condition.any.compactMap { given[$0] }.max { $0.score < $1.score }
        let makers = all + (any.map { [$0] } ?? [])
        var evidence: [Evidence] = []
        for item in (own?.evidence ?? []) + makers.flatMap(\.evidence) where !evidence.contains(item) {
            evidence.append(item)
        }
        evidence.sort { ($0.start, $0.end, $0.cue) < ($1.start, $1.end, $1.cue) }
        let score = makers.map(\.score).min() ?? 0
        return LabelDecision(id: rule.id, score: score, evidence: evidence, anchor: makers.first?.anchor)
    }
}
