import Foundation

/// A `LabelModel` as the classifier applies it to every passage of a night's ingest: feature names turned into
/// the numbers of the classifier's `FeatureWords`, weights in arrays, so that a passage costs additions rather
/// than string look-ups. Gives the same probabilities as `LabelModel.probabilities` on the same passage.
struct CompiledModel {
    typealias Weights = [(label: Int, weight: Double)]
    /// The modelled labels, in the model's order.
    let labels: [String]
    let bias: [Double]
    /// Indexed by feature number (numbers beyond the end: no weight).
    let words: [Weights]
    /// By label id of the rules: the weights of `rule:<id>` and `given:<id>`.
    let rule: [String: Weights]
    let given: [String: Weights]
    /// By length feature (`len:8-15`).
    let length: [String: Weights]

    init(_ model: LabelModel, words vocabulary: FeatureWords) {
        labels = model.labels.map(\.id)
        bias = model.labels.map(\.bias)
        var words: [Weights] = []
        var rule: [String: Weights] = [:]
        var given: [String: Weights] = [:]
        var length: [String: Weights] = [:]
        for (index, label) in model.labels.enumerated() {
            // In name order: the vocabulary numbers features as it meets them, and those numbers break ties
            // between equal evidence words, so a dictionary's per-process order would vary the reports by run.
            for (feature, weight) in label.weights.sorted(by: { $0.key < $1.key }) {
                if feature.hasPrefix("rule:") {
                    rule[String(feature.dropFirst(5)), default: []].append((index, weight))
                    continue
                }
                if feature.hasPrefix("given:") {
                    given[String(feature.dropFirst(6)), default: []].append((index, weight))
                    continue
                }
                if feature.hasPrefix("len:") {
                    length[feature, default: []].append((index, weight))
                    continue
                }
                let number = Int(vocabulary.number(feature))
                if number >= words.count { words += Array(repeating: [], count: number - words.count + 1) }
                words[number].append((index, weight))
            }
        }
        self.words = words
        self.rule = rule
        self.given = given
        self.length = length
    }

    /// The probability of each modelled label (in `labels` order).
    func probabilities(_ passage: PassageWords, rules: [LabelDecision], tokens: Int) -> [Double] {
        var sums = bias
        for (number, value) in zip(passage.numbers, passage.values) where Int(number) < words.count {
            for (label, weight) in words[Int(number)] { sums[label] += weight * value }
        }
        for decision in rules {
            for (label, weight) in rule[decision.id] ?? [] { sums[label] += weight * decision.score }
            if !decision.belowThreshold { for (label, weight) in given[decision.id] ?? [] { sums[label] += weight } }
        }
        for (label, weight) in length[FeatureVector.lengthFeature(tokens)] ?? [] { sums[label] += weight }
        return sums.map { 1 / (1 + exp(-$0)) }
    }

    /// The words that pushed `label` up the most: (position in `passage`, weight × value), largest first.
    func strongestWords(_ label: Int, in passage: PassageWords, limit: Int = 3) -> [(entry: Int, contribution: Double)]
    {
        var found: [(entry: Int, contribution: Double)] = []
        for (entry, number) in passage.numbers.enumerated() where Int(number) < words.count {
            guard let weight = words[Int(number)].first(where: { $0.label == label })?.weight, weight > 0 else {
                continue
            }
            found.append((entry, weight * passage.values[entry]))
        }
        return Array(found.sorted { ($0.contribution, $1.entry) > ($1.contribution, $0.entry) }.prefix(limit))
    }
}
