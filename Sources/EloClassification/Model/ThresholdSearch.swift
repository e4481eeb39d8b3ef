import EloSettings

/// Chooses the learned layer's regularisation and thresholds by cross-validation on training passages only:
/// each candidate is fitted on all but one fold (by document) and judged on the fold left out; the choice with
/// the best mean macro-F1 over the label sets wins (the first on a tie).
struct ThresholdSearch {
    struct Choice: Equatable {
        var regularisation: Double
        /// The thresholds over all sets together (the model's defaults), and per set.
        var threshold: Double
        var keepRuleLabels: Double
        var sets: [String: LabelModel.Thresholds]
        var macroF1: Double
    }

    var regularisations: [Double]
    var thresholds: [Double]
    var folds: Int
    var trainer: (Double) -> ModelTrainer

    /// One held-out example: its probabilities under the fold's model, and what the rules gave.
    private struct Held {
        var probabilities: [String: Double]
        var example: TrainingExample
    }

    func choose(_ examples: [TrainingExample], labelSets: [LabelSet]) -> Choice {
        let fold = FoldAssignment(documents: examples.map(\.document), folds: folds)
        let labelIDs = labelSets.flatMap(\.labels).map(\.id)
        var best = Choice(regularisation: regularisations[0], threshold: 0.5, keepRuleLabels: 0, sets: [:], macroF1: -1)
        for regularisation in regularisations {
            var held: [Held] = []
            for k in 0..<fold.count {
                let training = examples.filter { fold[$0.document] != k }
                let model = LabelModel(
                    pipeline: "", labelDefinitions: "", sources: [], regularisation: regularisation, threshold: 0.5,
                    keepRuleLabels: 0, labels: trainer(regularisation).fit(training, labelIDs: labelIDs))
                for example in examples where fold[example.document] == k {
                    held.append(Held(probabilities: model.probabilities(example.features), example: example))
                }
            }
            let choice = bestThresholds(held, labelSets: labelSets, regularisation: regularisation)
            if choice.macroF1 > best.macroF1 + 1e-9 { best = choice }
        }
        return best
    }

    /// The best thresholds for each set, and over all sets, on the held-out probabilities of one regularisation.
    private func bestThresholds(_ held: [Held], labelSets: [LabelSet], regularisation: Double) -> Choice {
        var overall = (f1: -1.0, threshold: 0.5, keep: 0.0)
        var perSet: [String: (f1: Double, thresholds: LabelModel.Thresholds)] = [:]
        for threshold in thresholds {
            for keep in thresholds.filter({ $0 <= threshold }) + [0] {
                var f1s: [Double] = []
                for set in labelSets {
                    guard let f1 = Self.macroF1(held, set: set, threshold: threshold, keep: keep) else { continue }
                    f1s.append(f1)
                    if f1 > (perSet[set.id]?.f1 ?? -1) + 1e-9 {
                        perSet[set.id] = (f1, .init(threshold: threshold, keepRuleLabels: keep))
                    }
                }
                let mean = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
                if mean > overall.f1 + 1e-9 { overall = (mean, threshold, keep) }
            }
        }
        let bests = perSet.values.map(\.f1)
        return Choice(
            regularisation: regularisation, threshold: overall.threshold, keepRuleLabels: overall.keep,
            sets: perSet.mapValues(\.thresholds), macroF1: bests.isEmpty ? 0 : bests.reduce(0, +) / Double(bests.count))
    }

    /// Macro-F1 of one set's labels on the held-out examples judged on it (nil: no label occurs or is predicted).
    private static func macroF1(_ held: [Held], set: LabelSet, threshold: Double, keep: Double) -> Double? {
        var f1s: [Double] = []
        for label in set.labels.map(\.id) {
            var tp = 0
            var fp = 0
            var fn = 0
            for item in held where item.example.judgedSets.contains(set.id) {
                let ruleGives = item.example.features.values["given:" + label] == 1
                let predicted =
                    item.probabilities[label].map {
                        LearnedLayer.gives(
                            probability: $0, ruleGives: ruleGives, threshold: threshold, keepRuleLabels: keep)
                    } ?? ruleGives
                let gold = item.example.gold.contains(label)
                if predicted && gold { tp += 1 } else if predicted { fp += 1 } else if gold { fn += 1 }
            }
            if tp + fp + fn > 0 { f1s.append(Double(2 * tp) / Double(2 * tp + fp + fn)) }
        }
        return f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(f1s.count)
    }
}

/// Documents dealt into folds: sorted by name and dealt in turn, so that every fold gets documents of every
/// source and language and the same names always give the same folds.
struct FoldAssignment {
    let count: Int
    private let fold: [String: Int]

    init(documents: [String], folds: Int) {
        let names = Set(documents).sorted()
        count = max(1, min(folds, names.count))
        fold = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 % max(1, min(folds, names.count))) })
    }

    subscript(document: String) -> Int { fold[document] ?? 0 }
}
