import ArgumentParser
import EloClassification
import EloCore
import EloPipeline
import Foundation

/// `elo eval`: scores a pipeline's labels against a gold label file (taxonomy.md rules).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the classifier against gold labels: per-label precision, recall and F1, micro and macro per set.",
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

    @Option(name: .long, help: ArgumentHelp("Gold label file (JSON Lines).", valueName: "FILE"))
    var labels: String

    @Option(name: .long, help: ArgumentHelp(
        "Folder searched (recursively) for the documents the label file names; repeat it when they lie in several folders (the first folder holding a name wins).",
        valueName: "DIR"))
    var documents: [String]

    @Flag(name: .long, help: "Also score the substring baseline (cue terms as plain substrings, no morphology).")
    var baseline = false

    @Flag(name: .long, help: "List every label line the classifier got wrong, with the evidence of wrong labels.")
    var mistakes = false

    @Flag(name: .long, help: "Print JSON: {\"classifier\": report, \"baseline\": report?}.")
    var json = false

    @Option(name: .long, help: "Documents read in parallel (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// For throughput measurements: classify without the word-analysis cache.
    @Flag(name: .long, help: "Classify without the word-analysis caches (to measure what they save; labels are the same).")
    var noAnalysisCache = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        // Configuration first: a bad file stops the run before any document is read.
        let configuration: PipelineConfiguration
        let gold: [GoldLabel]
        do {
            configuration = try PipelineConfiguration.load(URL(fileURLWithPath: pipeline))
            gold = try GoldLabel.load(URL(fileURLWithPath: labels), knownSets: configuration.labelSets)
        } catch {
            throw ConfigurationFailure(error: error)
        }
        var files: [String: URL] = [:]
        for folder in documents {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ConfigurationFailure(error: ConfigurationError(file: folder, line: nil, message: "not a folder — give the folder that holds the labelled documents"))
            }
            let found = EvaluationDocuments(names: Set(gold.map(\.document)), under: URL(fileURLWithPath: folder))
            files.merge(found.files) { first, _ in first }
        }
        let passages: [String: [Passage]]
        do {
            passages = try Self.read(files, jobs: jobs)
        } catch {
            throw SetupFailure(message: "\(error)")
        }
        let reports: EvaluationResult
        do {
            let evaluator = Evaluator(configuration: configuration, mode: .morphology, analysisCache: !noAnalysisCache)
            reports = EvaluationResult(
                classifier: try evaluator.evaluate(gold, documents: passages),
                baseline: baseline ? try Evaluator(configuration: configuration, mode: .substring).evaluate(gold, documents: passages) : nil)
        } catch {
            throw SetupFailure(message: "\(error)")
        }
        if json {
            try JSONOutput.write(reports)
        } else {
            print(EvaluationSummary.render(reports, labelFile: labels, pipeline: configuration.name, mistakes: mistakes), terminator: "")
        }
        if !reports.classifier.unmatched.isEmpty { throw ExitCode(2) }
    }

    /// Reads the documents through the pipeline, grouped by password; unreadable ones get no passages.
    static func read(_ files: [String: URL], jobs: Int) throws -> [String: [Passage]] {
        let byPassword = Dictionary(grouping: files.sorted { $0.key < $1.key }) { EvaluationDocuments.password(for: $0.value) }
        var passages: [String: [Passage]] = [:]
        for (password, group) in byPassword {
            let documents = try ExtractionRun(workers: jobs).read(group.map(\.value), password: password)
            for ((name, _), document) in zip(group, documents) where document.status.isReadable {
                passages[name] = document.passages
            }
        }
        return passages
    }
}

/// What `elo eval --json` prints: the classifier's report and, with `--baseline`, the baseline's.
struct EvaluationResult: Encodable {
    var classifier: EvaluationReport
    var baseline: EvaluationReport?
}

/// A pipeline, label-set or label file that cannot be used: exit status 1, message with file and line.
struct ConfigurationFailure: Error, CustomStringConvertible {
    var error: any Error
    var description: String { "elo: \(error)" }
}
