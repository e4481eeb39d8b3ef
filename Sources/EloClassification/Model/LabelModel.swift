import EloSettings
import Foundation

/// The learned layer of a pipeline: one logistic regression per label (one-vs-rest) over a passage's
/// `FeatureVector`, fitted by `elo train` (liblinear) and kept as readable JSON under `pipelines/models/`.
/// Predicting is a dot product and a logistic function; nothing here trains.
public struct LabelModel: Sendable, Codable, Hashable {
    /// The weights of one label: `p = 1 / (1 + e^−(bias + Σ weight × value))`.
    public struct Label: Sendable, Codable, Hashable {
        /// The label's fixed id (`okm2011.laatu`).
        public var id: String
        /// Labelled passages it was fitted on: with the label, and in all (judged on its set).
        public var positives: Int
        public var examples: Int
        /// The intercept: the log-odds of the label for a passage with no feature.
        public var bias: Double
        /// The weight of each feature, by its name in `FeatureVector.values`; a feature not listed weighs 0.
        public var weights: [String: Double]
    }

    /// The two thresholds of `LearnedLayer` for one label set.
    public struct Thresholds: Sendable, Codable, Hashable {
        public var threshold: Double
        public var keepRuleLabels: Double

        /// Whether a modelled label is given (`LearnedLayer.gives`).
        func gives(probability: Double, ruleGives: Bool) -> Bool {
            LearnedLayer.gives(
                probability: probability, ruleGives: ruleGives, threshold: threshold, keepRuleLabels: keepRuleLabels)
        }

        /// A label not given is kept as a near-miss (for the reports) from half its threshold on.
        func isNearMiss(probability: Double) -> Bool { probability >= threshold / 2 }
    }

    /// Where the training passages came from: a label file and how many of its lines were used.
    public struct Source: Sendable, Codable, Hashable {
        public var labels: String
        public var passages: Int
    }

    public static let currentFormat = 1
    public var format = LabelModel.currentFormat
    public var pipeline: String
    /// The label definitions the rule features were computed with (`PipelineConfiguration.labelDefinitionsVersion`).
    public var labelDefinitions: String
    public var sources: [Source]
    /// liblinear's C (inverse regularisation), chosen by cross-validation on the training passages.
    public var regularisation: Double
    /// The decision thresholds cross-validation chose (the pipeline file's `model:` may state others).
    public var threshold: Double
    public var keepRuleLabels: Double
    /// Per label set, the thresholds cross-validation chose for it (a set missing here uses the two above).
    public var setThresholds: [String: Thresholds] = [:]
    public var labels: [Label]

    /// For each feature: the labels that weigh it (index into `labels`) and the weight.
    private var byFeature: [String: [(label: Int, weight: Double)]] = [:]

    enum CodingKeys: String, CodingKey {
        case format, pipeline, labelDefinitions, sources, regularisation, threshold, keepRuleLabels, setThresholds,
            labels
    }

    public init(
        pipeline: String, labelDefinitions: String, sources: [Source], regularisation: Double,
        threshold: Double, keepRuleLabels: Double, labels: [Label]
    ) {
        self.pipeline = pipeline
        self.labelDefinitions = labelDefinitions
        self.sources = sources
        self.regularisation = regularisation
        self.threshold = threshold
        self.keepRuleLabels = keepRuleLabels
        self.labels = labels
        index()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        pipeline = try container.decode(String.self, forKey: .pipeline)
        labelDefinitions = try container.decode(String.self, forKey: .labelDefinitions)
        sources = try container.decode([Source].self, forKey: .sources)
        regularisation = try container.decode(Double.self, forKey: .regularisation)
        threshold = try container.decode(Double.self, forKey: .threshold)
        keepRuleLabels = try container.decode(Double.self, forKey: .keepRuleLabels)
        setThresholds = try container.decodeIfPresent([String: Thresholds].self, forKey: .setThresholds) ?? [:]
        labels = try container.decode([Label].self, forKey: .labels)
        index()
    }

    public static func == (lhs: LabelModel, rhs: LabelModel) -> Bool {
        lhs.pipeline == rhs.pipeline && lhs.labelDefinitions == rhs.labelDefinitions && lhs.sources == rhs.sources
            && lhs.regularisation == rhs.regularisation && lhs.threshold == rhs.threshold
            && lhs.keepRuleLabels == rhs.keepRuleLabels && lhs.setThresholds == rhs.setThresholds
            && lhs.labels == rhs.labels
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(labels) }

    private mutating func index() {
        var byFeature: [String: [(label: Int, weight: Double)]] = [:]
        for (index, label) in labels.enumerated() {
            for (feature, weight) in label.weights { byFeature[feature, default: []].append((index, weight)) }
        }
        self.byFeature = byFeature
    }

    /// The Swedish stems the model knows: what compounds are split at (`SwedishCompounds`).
    var swedishVocabulary: Set<String> {
        Set(byFeature.keys.filter { $0.hasPrefix("sv:") }.map { String($0.dropFirst(3)) })
    }

    /// The probability of every modelled label for a passage, by label id.
    public func probabilities(_ features: FeatureVector) -> [String: Double] {
        var sums = labels.map(\.bias)
        for (feature, value) in features.values {
            for (label, weight) in byFeature[feature] ?? [] { sums[label] += weight * value }
        }
        var result: [String: Double] = [:]
        for (index, label) in labels.enumerated() { result[label.id] = 1 / (1 + exp(-sums[index])) }
        return result
    }

    /// Reads a model file written by `write`.
    public static func load(_ url: URL) throws -> LabelModel {
        try decode(Data(contentsOf: url), file: url)
    }

    /// A model file's bytes as a model (`LabelModelJSON`, else Foundation's decoder); `file` names it in errors.
    static func decode(_ data: Data, file url: URL) throws -> LabelModel {
        let model = try LabelModelJSON.decode(data) ?? JSONDecoder().decode(LabelModel.self, from: data)
        guard model.format == currentFormat else {
            throw ConfigurationError(
                file: url.path, line: nil,
                message:
                    "model format \(model.format), this elo reads format \(currentFormat) — retrain with `elo train`")
        }
        return model
    }

    /// Writes the model as JSON with sorted keys, one weight a line (diffable, the same bytes for the same model).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
