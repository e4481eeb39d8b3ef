import EloClassification
import EloSettings
import Foundation

/// `elo eval` as one entry point: the pipeline's labels and the gold label files loaded (a bad file stops here,
/// before any document is read), then the classifier scored on them — by the pipeline as it is, or by
/// cross-validation with everything learned fitted on the training folds only.
public struct EvaluationJob: Sendable {
    /// What the command line asks for.
    public struct Request: Sendable {
        public var pipeline: URL
        public var labels: [URL]
        public var trainingLabels: [URL] = []
        public var documents: [URL] = []
        public var jobs = 1
        public var crossValidate: Int?
        public var baseline = false
        public var analysisCache = true

        public init(pipeline: URL, labels: [URL]) {
            self.pipeline = pipeline
            self.labels = labels
        }
    }

    /// What `elo eval --json` prints: the classifier's report and, with `--baseline`, the baseline's.
    public struct Result: Encodable, Sendable {
        public var classifier: EvaluationReport
        public var baseline: EvaluationReport?
    }

    public let request: Request
    public let configuration: PipelineConfiguration
    let data: LabelledDocuments
    let trainingOnly: [GoldLabel]

    /// Loads the pipeline, the label files and the documents they quote. Throws `ConfigurationError` for a bad
    /// pipeline or label-set file, any other error for what cannot be read.
    public init(_ request: Request) throws {
        self.request = request
        let configuration = try PipelineConfiguration.load(request.pipeline)
        self.configuration = configuration
        data = try LabelledDocuments.load(
            labels: request.labels + request.trainingLabels, folders: request.documents,
            labelSets: configuration.labelSets, jobs: request.jobs)
        trainingOnly = try request.trainingLabels.flatMap { try GoldLabel.load($0, knownSets: configuration.labelSets) }
    }

    /// Scores the classifier on the gold labels that are not training-only.
    public func run() throws -> Result {
        let trainingSources = Set(trainingOnly.map(\.source))
        let scored = data.gold.filter { !trainingSources.contains($0.source) }
        if let folds = request.crossValidate {
            let report = try LearnedLayerTrainer(configuration: configuration)
                .crossValidate(scored, trainingOnly: trainingOnly, documents: data.passages, folds: folds)
            return Result(classifier: report, baseline: nil)
        }
        let evaluator = Evaluator(configuration: configuration, mode: .morphology, analysisCache: request.analysisCache)
        let baseline =
            request.baseline
            ? try Evaluator(configuration: configuration, mode: .substring).evaluate(scored, documents: data.passages)
            : nil
        return Result(classifier: try evaluator.evaluate(scored, documents: data.passages), baseline: baseline)
    }
}
