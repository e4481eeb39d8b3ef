import EloClassification
import EloCore
import EloSettings
import Foundation

/// `elo train`: fits the learned layer of a pipeline from the label files its `model.training` lists and writes
/// the model file `model.file` names.
public struct ModelTraining {
    /// What a training run did, for the command's summary.
    public struct Outcome: Sendable, Codable {
        public var pipeline: String
        public var modelFile: String
        public var sources: [LabelModel.Source]
        public var labelsModelled: Int
        public var labelsRulesOnly: [String]
        public var regularisation: Double
        public var threshold: Double
        public var keepRuleLabels: Double
        /// Per label set, the thresholds cross-validation chose for it.
        public var setThresholds: [String: LabelModel.Thresholds]
        /// The thresholds the pipeline file states, when they differ from what cross-validation chose.
        public var pipelineThreshold: Double?
        public var pipelineKeepRuleLabels: Double?
        public var seconds: Double
    }

    public var pipelineFile: URL
    public var jobs: Int

    public init(pipelineFile: URL, jobs: Int) {
        self.pipelineFile = pipelineFile
        self.jobs = jobs
    }

    /// Trains and writes the model; a pipeline without `model:`, or a missing label file, is a configuration error.
    public func run() throws -> Outcome {
        let started = Date()
        let file = try PipelineFile.read(pipelineFile)
        guard let settings = file.model else {
            throw ConfigurationError(
                file: file.file, line: nil,
                message:
                    "no `model:` — add `model: {file: models/NAME.json, training: [{labels: …, documents: […]}]}` to say where the model goes and what it learns from"
            )
        }
        guard !settings.training.isEmpty else {
            throw ConfigurationError(
                file: file.file, line: settings.file.line,
                message: "`model.training` lists no label files — add at least one `- {labels: FILE}`")
        }
        var rules = file
        rules.model = nil
        let configuration = try PipelineConfiguration(rules)
        for source in settings.training where !FileManager.default.fileExists(atPath: source.labels.path) {
            throw ConfigurationError(
                file: file.file, line: source.line,
                message:
                    "training label file '\(source.labels.path)' not found — fix the path under `model.training` or remove the entry"
            )
        }
        let data = try LabelledDocuments.load(
            labels: settings.training.map(\.labels), folders: settings.training.flatMap(\.documents),
            labelSets: configuration.labelSets, jobs: jobs)
        let model = try LearnedLayerTrainer(configuration: configuration).train(data.gold, documents: data.passages)
        let output = file.resolve(settings.file.value)
        try model.write(to: output)
        let modelled = Set(model.labels.map(\.id))
        return Outcome(
            pipeline: configuration.name, modelFile: output.path, sources: model.sources,
            labelsModelled: modelled.count,
            labelsRulesOnly: configuration.labels.map(\.id).filter { !modelled.contains($0) },
            regularisation: model.regularisation, threshold: model.threshold, keepRuleLabels: model.keepRuleLabels,
            setThresholds: model.setThresholds,
            pipelineThreshold: settings.threshold.flatMap { $0 == model.threshold ? nil : $0 },
            pipelineKeepRuleLabels: settings.keepRuleLabels.flatMap { $0 == model.keepRuleLabels ? nil : $0 },
            seconds: Date().timeIntervalSince(started))
    }
}
