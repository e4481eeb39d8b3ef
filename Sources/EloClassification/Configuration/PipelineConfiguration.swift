import EloSettings
import Foundation

/// What the classifier takes from a pipeline file (`pipelines/elo-2014.yaml`): which label sets to apply and
/// with what thresholds. The file's keys are read and checked by `PipelineFile`, which owns its schema.
public struct PipelineConfiguration: Sendable {
    public var file: String
    public var name: String
    public var labelSets: [LabelSet]
    /// A label is given when its score (0…1) reaches this value.
    public var threshold: Double
    /// Labels scoring at least this (and below their threshold) are kept as near-misses for the reports:
    /// `coverage.near_miss_score` of the pipeline file.
    public var nearMissScore = 0.25
    public var lexicon = HandLexicon()
    /// Documents that hardly use these words get no labels (`topic:`; nil: every document is labelled).
    public var topic: TopicRule?
    /// The learned layer (`model:`; nil: the cue rules alone decide).
    public var learned: LearnedLayer?
    /// Paths as written, resolved against the pipeline file's folder; for later stages.
    public var inbox: URL?
    public var output: URL?

    /// Every label of every set, in file order.
    public var labels: [LabelDefinition] { labelSets.flatMap(\.labels) }

    /// Reads the pipeline file and every file it names; the first problem stops the load.
    public static func load(_ url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        try PipelineConfiguration(try PipelineFile.read(url))
    }
}

extension PipelineConfiguration {
    /// The classifier's part of a pipeline file already read: loads the label-set and lexicon files it names.
    /// (Code outside the module builds a configuration only this way; tests use the memberwise initialiser.)
    public init(_ pipeline: PipelineFile) throws(ConfigurationError) {
        guard let paths = pipeline.labelSets, !paths.isEmpty else {
            throw ConfigurationError(
                file: pipeline.file, line: nil,
                message: "no `label_sets:` — list the label-set files, e.g. `- labels/okm2011.yaml`")
        }
        let folder = pipeline.folder
        self.init(
            file: pipeline.file, name: pipeline.displayName, labelSets: [], threshold: pipeline.threshold ?? 0.5,
            inbox: pipeline.inbox, output: pipeline.output)
        nearMissScore = pipeline.coverage.nearMissScore
        topic = pipeline.topic
        if let lexicon = pipeline.lexicon {
            self.lexicon = try HandLexicon.load(pipeline.resolve(lexicon.value), displayPath: lexicon.value)
        }
        var seen: Set<String> = []
        for path in paths {
            let url = pipeline.resolve(path.value)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ConfigurationError(
                    file: pipeline.file, line: path.line,
                    message:
                        "label set file '\(path.value)' not found (paths are relative to \(folder.path)) — fix the path under `label_sets` or add the file"
                )
            }
            let set = try LabelSetLoader().load(url, displayPath: url.path)
            guard seen.insert(set.id).inserted else {
                throw ConfigurationError(
                    file: pipeline.file, line: path.line, message: "label set \(set.id) is listed twice — keep one")
            }
            labelSets.append(set)
        }
        if let model = pipeline.model {
            learned = try Self.learnedLayer(
                model, folder: folder, file: pipeline.file, version: labelDefinitionsVersion)
        }
    }

    /// Loads the model file `model:` names; a model trained on other label definitions is used but marked stale.
    static func learnedLayer(_ settings: PipelineFile.Model, folder: URL, file: String, version: String)
        throws(ConfigurationError) -> LearnedLayer
    {
        let url = PipelineFile.resolve(settings.file.value, in: folder)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ConfigurationError(
                file: file, line: settings.file.line,
                message:
                    "model file '\(settings.file.value)' not found (paths are relative to \(folder.path)) — run `elo train --pipeline \(file)`, or remove `model:` to label with the cue rules alone"
            )
        }
        let model: LabelModel
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
            model = try LabelModel.decode(bytes, file: url)
        } catch let error as ConfigurationError { throw error } catch {
            throw ConfigurationError(
                file: url.path, line: nil,
                message: "not a model file `elo train` wrote (\(error)) — run `elo train --pipeline \(file)` again")
        }
        var layer = LearnedLayer(
            model: model, threshold: settings.threshold, keepRuleLabels: settings.keepRuleLabels,
            isStale: model.labelDefinitions != version)
        layer.digest = PipelineConfiguration.fingerprint(bytes)
        return layer
    }
}
