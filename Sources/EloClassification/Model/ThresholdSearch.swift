/// Chooses the learned layer's regularisation and thresholds by cross-validation on training passages only:
/// each candidate is fitted on all but one fold (by document) and judged on the fold left out; the choice with
/// the best mean macro-F1 over the label sets wins (the first on a tie).
struct ThresholdSearch {
    struct Choice: Equatable {
        var regularisation: Double
        var threshold: Double
        var keepRuleLabels: Double
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
        var best = Choice(regularisation: regularisations[0], threshold: 0.5, keepRuleLabels: 0, macroF1: -1)
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
            for threshold in thresholds {
                for keep in thresholds.filter({ $0 <= threshold }) + [0] {
                    let f1 = Self.meanMacroF1(held, labelSets: labelSets, threshold: threshold, keep: keep)
                    if f1 > best.macroF1 + 1e-9 {
                        best = Choice(regularisation: regularisation, threshold: threshold, keepRuleLabels: keep, macroF1: f1)
                    }
                }
            }
        }
        return best
    }

    private static func meanMacroF1(_ held: [Held], labelSets: [LabelSet], threshold: Double, keep: Double) -> Double {
        var perSet: [Double] = []
        for set in labelSets {
            var f1s: [Double] = []
            for label in set.labels.map(\.id) {
                var tp = 0, fp = 0, fn = 0
                for item in held where item.example.judgedSets.contains(set.id) {
                    let ruleGives = item.example.features.values["given:" + label] == 1
                    let predicted = item.probabilities[label].map {
                        LearnedLayer.gives(probability: $0, ruleGives: ruleGives, threshold: threshold, keepRuleLabels: keep)
                    } ?? ruleGives
                    let gold = item.example.gold.contains(label)
                    if predicted && gold { tp += 1 } else if predicted { fp += 1 } else if gold { fn += 1 }
                }
                if tp + fp + fn > 0 { f1s.append(Double(2 * tp) / Double(2 * tp + fp + fn)) }
            }
            if !f1s.isEmpty { perSet.append(f1s.reduce(0, +) / Double(f1s.count)) }
        }
        return perSet.isEmpty ? 0 : perSet.reduce(0, +) / Double(perSet.count)
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
