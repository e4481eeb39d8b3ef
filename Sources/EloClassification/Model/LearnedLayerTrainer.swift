import EloCore
import EloNormalisation
import Foundation

/// Fits a pipeline's learned layer from gold-labelled passages (`elo train`) and measures it honestly
/// (`elo eval --cross-validate`): folds by document, and everything learned or tuned — the Swedish vocabulary
/// compounds are split at, the weights, the regularisation and both thresholds — fitted on training folds only.
public struct LearnedLayerTrainer {
    /// The pipeline; its own `learned` layer is ignored (features come from the cue rules alone).
    public var configuration: PipelineConfiguration
    public var regularisations: [Double] = [0.5, 2, 8]
    public var thresholds: [Double] = stride(from: 0.1, through: 0.7, by: 0.05).map { ($0 * 100).rounded() / 100 }
    public var innerFolds = 4

    public init(configuration: PipelineConfiguration) {
        var rules = configuration
        rules.learned = nil
        self.configuration = rules
    }

    /// The model fitted on every placed line of `gold` (`documents`: passages of the quoted documents; word-bag
    /// documents are made from `gold`).
    public func train(_ gold: [GoldLabel], documents read: [String: [Passage]]) throws(LexiconError) -> LabelModel {
        let documents = GoldPlacement.documents(gold, read: read)
        let classifier = try PassageClassifier(configuration: configuration)
        let data = TrainingData(gold: gold, documents: documents, classifier: classifier)
        return fit(data.examples(trainingDocuments: Set(documents.keys)), sources: data.sources)
    }

    /// Scores the lines of `gold` by `folds`-fold cross-validation by document: each fold is labelled by a layer
    /// fitted on the other folds and on `trainingOnly` (lines that are always trained on, never scored).
    public func crossValidate(
        _ gold: [GoldLabel], trainingOnly: [GoldLabel] = [], documents read: [String: [Passage]],
        folds: Int
    ) throws(LexiconError) -> EvaluationReport {
        let all = gold + trainingOnly
        let documents = GoldPlacement.documents(all, read: read)
        let classifier = try PassageClassifier(configuration: configuration)
        let data = TrainingData(gold: all, documents: documents, classifier: classifier)
        let scored = Set(gold.map(\.document))
        let fold = FoldAssignment(documents: Array(scored), folds: folds)
        var predictions: [String: [[LabelDecision]]] = [:]
        for k in 0..<fold.count {
            let training = Set(documents.keys.filter { !scored.contains($0) || fold[$0] != k })
            let model = fit(data.examples(trainingDocuments: training), sources: data.sources)
            var layered = configuration
            layered.learned = LearnedLayer(model: model)
            let foldClassifier = try PassageClassifier(configuration: layered)
            for name in scored where fold[name] == k {
                if let passages = documents[name] { predictions[name] = foldClassifier.classify(passages) }
            }
        }
        var report = Evaluator.score(
            gold, documents: documents, predictions: predictions, labelSets: configuration.labelSets)
        report.folds = fold.count
        report.mode = "cross-validation"
        return report
    }

    /// Regularisation and thresholds chosen by inner cross-validation, then the weights fitted on all `examples`.
    func fit(_ examples: [TrainingExample], sources: [LabelModel.Source]) -> LabelModel {
        let search = ThresholdSearch(
            regularisations: regularisations, thresholds: thresholds, folds: innerFolds,
            trainer: { ModelTrainer(regularisation: $0) })
        let choice = search.choose(examples, labelSets: configuration.labelSets)
        let labels = ModelTrainer(regularisation: choice.regularisation)
            .fit(examples, labelIDs: configuration.labels.map(\.id))
        var model = LabelModel(
            pipeline: configuration.name, labelDefinitions: configuration.labelDefinitionsVersion, sources: sources,
            regularisation: choice.regularisation, threshold: choice.threshold, keepRuleLabels: choice.keepRuleLabels,
            labels: labels)
        model.setThresholds = choice.sets
        return model
    }
}

/// The placed gold lines with their passages, and the features of a set of training documents.
struct TrainingData {
    let gold: [GoldLabel]
    let documents: [String: [Passage]]
    let classifier: PassageClassifier
    /// Per gold line: document and passage index (nil when the line could not be placed).
    let placed: [(document: String, index: Int)?]
    /// Per document: the Swedish stems of each passage.
    let stems: [String: [Set<String>]]

    init(gold: [GoldLabel], documents: [String: [Passage]], classifier: PassageClassifier) {
        self.gold = gold
        self.documents = documents
        self.classifier = classifier
        placed = GoldPlacement(gold, documents: documents).places.map { place in
            if case .passage(let document, let index, _) = place { return (document, index) }
            return nil
        }
        stems = documents.mapValues { classifier.swedishStems($0) }
    }

    /// How many lines of each label file were placed.
    var sources: [LabelModel.Source] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (line, place) in zip(gold, placed) where place != nil {
            let name = (line.source as NSString).lastPathComponent
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.map { LabelModel.Source(labels: $0, passages: counts[$0] ?? 0) }
    }

    /// The training examples of the lines in `trainingDocuments`; the Swedish vocabulary is made from those
    /// documents alone (stems in at least two passages).
    func examples(trainingDocuments: Set<String>) -> [TrainingExample] {
        var frequency: [String: Int] = [:]
        for name in trainingDocuments {
            for passage in stems[name] ?? [] { for stem in passage { frequency[stem, default: 0] += 1 } }
        }
        let vocabulary = Set(frequency.filter { $0.key.count >= SwedishCompounds.minimumTail && $0.value >= 2 }.keys)
        var features: [String: [FeatureVector?]] = [:]
        var examples: [TrainingExample] = []
        for (line, place) in zip(gold, placed) {
            guard let place, trainingDocuments.contains(place.document), let passages = documents[place.document] else {
                continue
            }
            if features[place.document] == nil {
                features[place.document] = classifier.trainingFeatures(passages, swedishVocabulary: vocabulary)
            }
            guard let vector = features[place.document]?[place.index] else { continue }
            examples.append(
                TrainingExample(
                    document: place.document, features: vector, gold: Set(line.labels), judgedSets: Set(line.sets)))
        }
        return examples
    }
}
