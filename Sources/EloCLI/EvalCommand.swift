import ArgumentParser
import EloClassification
import EloCore
import EloPipeline
import EloSettings
import Foundation

/// `elo eval`: scores a pipeline's labels against a gold label file (taxonomy.md rules).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract:
            "Score the classifier against gold labels: per-label precision, recall and F1, micro and macro per set.",
        discussion: """
            Reads the label file (JSON Lines, one {document, quote, labels, sets} per line, as in \
            taxonomy.md), finds every document it names by file name anywhere under --documents, \
            reads it through the real pipeline (extraction and normalisation, as `elo extract` does) \
            and classifies its passages. A document with a sidecar FILE.meta.yaml that has a \
            `password:` line is opened with that password.

            Each quote is located in the passages (ignoring whitespace, line breaks, line-break \
            hyphens and Unicode normalisation); the passage containing it is scored on the label \
            sets the line was judged on. Quotes found in no passage, spanning two passages, or in a \
            document that is missing or unreadable are listed as unmatched, never dropped.

            --baseline also scores a naive classifier that matches the cue terms as plain \
            lower-case substrings (no morphology), so the gain of Voikko/Snowball is visible.

            Exit status: 0 every quote was matched and scored; 1 the pipeline, a label-set file or \
            the label file is invalid (the message names file and line; nothing is read), or a \
            system library is missing; 2 scored, but some quotes are unmatched; 64 bad arguments.

            Examples:
              elo eval --pipeline pipelines/elo-2014.yaml --labels corpus/labels/corpus-dev.jsonl --documents corpus/inbox
              elo eval --pipeline pipelines/elo-2020.yaml --labels corpus/labels/elo2020-dev.jsonl \\
                --documents corpus/documents-2020 --documents ../shared/seeds --baseline
              elo eval --json --labels gold.jsonl --documents docs | jq '.classifier.sets[] | {set, macroF1}'
            """)

    @Option(name: .long, help: ArgumentHelp("Pipeline file naming the label sets and threshold.", valueName: "P"))
    var pipeline = "pipelines/elo-2014.yaml"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Gold label file (JSON Lines: quote lines, or word-bag lines {document, para, words, labels, sets}); repeat it to score several together.",
            valueName: "FILE"))
    var labels: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder searched (recursively) for the documents quote lines name; repeat it when they lie in several folders (the first folder holding a name wins). Not needed for word-bag lines.",
            valueName: "DIR"))
    var documents: [String] = []

    @Flag(name: .long, help: "Also score the substring baseline (cue terms as plain substrings, no morphology).")
    var baseline = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Score the learned layer by K-fold cross-validation by document: each fold is labelled by a model fitted (weights, regularisation, thresholds) on the other folds only.",
            valueName: "K"))
    var crossValidate: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --cross-validate: a label file trained on in every fold and never scored (e.g. the corpus while scoring real text); repeatable.",
            valueName: "FILE"))
    var trainingLabels: [String] = []

    @Flag(name: .long, help: "List every label line the classifier got wrong, with the evidence of wrong labels.")
    var mistakes = false

    @Flag(name: .long, help: "Print JSON: {\"classifier\": report, \"baseline\": report?}.")
    var json = false

    @OptionGroup var parallel: ParallelOptions

    /// For throughput measurements: classify without the word-analysis cache.
    @Flag(
        name: .long, help: "Classify without the word-analysis caches (to measure what they save; labels are the same)."
    )
    var noAnalysisCache = false

    func validate() throws {
        if labels.isEmpty { throw ValidationError("give at least one --labels FILE") }
        if let folds = crossValidate, folds < 2 {
            throw ValidationError("--cross-validate needs at least 2 folds, got \(folds)")
        }
        if crossValidate == nil, !trainingLabels.isEmpty {
            throw ValidationError("--training-labels is for --cross-validate K")
        }
    }

    func run() throws {
        // Configuration first: a bad file stops the run before any document is read.
        let job: EvaluationJob
        do { job = try EvaluationJob(request) } catch let error as ConfigurationError {
            throw CommandFailure.configuration(error)
        } catch { throw CommandFailure.setup("\(error)") }
        ModelNote.printIfStale(job.configuration, pipeline: pipeline)
        let result: EvaluationJob.Result
        do { result = try job.run() } catch { throw CommandFailure.setup("\(error)") }
        if json {
            try JSONOutput.write(result)
        } else {
            let labelFile = labels.joined(separator: ", ")
            print(
                EvaluationSummary.render(
                    result, labelFile: labelFile, pipeline: job.configuration.name, mistakes: mistakes), terminator: "")
        }
        if !result.classifier.unmatched.isEmpty { throw ExitCode(2) }
    }

    private var request: EvaluationJob.Request {
        var request = EvaluationJob.Request(
            pipeline: URL(fileURLWithPath: pipeline), labels: labels.map { URL(fileURLWithPath: $0) })
        request.trainingLabels = trainingLabels.map { URL(fileURLWithPath: $0) }
        request.documents = documents.map { URL(fileURLWithPath: $0) }
        (request.jobs, request.crossValidate, request.baseline, request.analysisCache) = (
            parallel.jobs, crossValidate, baseline, !noAnalysisCache
        )
        return request
    }
}
