import ArgumentParser
import EloClassification
import EloPipeline
import EloSettings
import Foundation

/// `elo train`: fits the pipeline's learned layer and writes its model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit the learned layer (one logistic regression per label, liblinear) and write the model file.",
        discussion: """
            Reads the label files listed under `model.training` of the pipeline file (quote lines with \
            the documents they quote, or word-bag lines), computes each passage's features (Finnish base \
            forms and compound parts, Swedish stems and compound parts, the cue rules' scores), chooses \
            the regularisation and the two thresholds by cross-validation by document, fits every label \
            with enough examples and writes `model.file` (JSON, one weight a line; the same input gives \
            the same file).

            The model records the label definitions it was trained with: after a label file changes, \
            the commands say the model is older than the label files (the new cues take effect anyway, \
            through the rule features and `keep_rule_labels`); train again to refit.

            Exit status: 0 written; 1 the pipeline or a label file is invalid or missing (nothing \
            written); 64 bad arguments.

            Example:
              elo train --pipeline pipelines/elo-2014.yaml
            """)

    @Option(name: .long, help: ArgumentHelp("Pipeline file with a `model:` section.", valueName: "P"))
    var pipeline = "pipelines/elo-2014.yaml"

    @OptionGroup var parallel: ParallelOptions

    @Flag(name: .long, help: "Print the outcome as JSON.")
    var json = false

    @Flag(
        name: .long,
        help:
            "Train nothing: say whether the model is older than the label files (exit 0 up to date, 1 older or missing)."
    )
    var check = false

    func validate() throws {
    }

    func run() throws {
        if check { return try checkModel() }
        let outcome: ModelTraining.Outcome
        do {
            outcome = try ModelTraining(pipelineFile: URL(fileURLWithPath: pipeline), jobs: parallel.jobs).run()
        } catch let error as ConfigurationError {
            throw CommandFailure.configuration(error)
        }
        if json { return try JSONOutput.write(outcome) }
        print(TrainingSummary.render(outcome), terminator: "")
    }

    private func checkModel() throws {
        let configuration: PipelineConfiguration
        do { configuration = try PipelineConfiguration.load(URL(fileURLWithPath: pipeline)) } catch {
            throw CommandFailure.configuration(error)
        }
        guard let learned = configuration.learned else {
            throw CommandFailure.configuration(
                ConfigurationError(file: pipeline, line: nil, message: "no `model:` — nothing to check"))
        }
        if learned.isStale {
            throw CommandFailure(
                "\(pipeline): the model is older than the label files — run `elo train --pipeline \(pipeline)`")
        }
        if json { return try JSONOutput.write(ModelCheck(pipeline: pipeline, current: true)) }
        print("\(pipeline): the model was trained with the label files as they are")
    }
}

/// What `elo train --check --json` prints when the model is current (a stale one is `{"error", "exit": 1}`).
struct ModelCheck: Encodable {
    var pipeline: String
    var current: Bool
}

/// The text `elo train` prints.
enum TrainingSummary {
    static func render(_ outcome: ModelTraining.Outcome) -> String {
        var text = "wrote \(outcome.modelFile) in \(String(format: "%.1f", outcome.seconds)) s\n"
        for source in outcome.sources { text += "  trained on \(source.passages) passages of \(source.labels)\n" }
        text += "  \(outcome.labelsModelled) labels modelled"
        text +=
            outcome.labelsRulesOnly.isEmpty
            ? "\n" : "; cue rules alone (too few examples): \(outcome.labelsRulesOnly.joined(separator: ", "))\n"
        text +=
            "  chosen by cross-validation: C \(outcome.regularisation), threshold \(outcome.threshold), keep_rule_labels \(outcome.keepRuleLabels)"
        for (set, chosen) in outcome.setThresholds.sorted(by: { $0.key < $1.key }) {
            text += "; \(set) \(chosen.threshold)/\(chosen.keepRuleLabels)"
        }
        text += "\n"
        if outcome.pipelineThreshold != nil || outcome.pipelineKeepRuleLabels != nil {
            text +=
                "  note: the pipeline file states threshold \(outcome.pipelineThreshold.map { "\($0)" } ?? "(model's)"), "
                + "keep_rule_labels \(outcome.pipelineKeepRuleLabels.map { "\($0)" } ?? "(model's)") for every set — those are used; "
                + "remove them from `model:` to use the values above\n"
        }
        return text
    }
}
