import ArgumentParser
import EloClassification
import EloCore
import EloPipeline
import EloSettings
import Foundation

/// `elo classify`: extraction, normalisation and classification of given files.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Read documents and label their passages against the label sets of a pipeline.",
        discussion: """
            Reads each file as `elo extract` does (in a worker process with the time, CPU and memory \
            limits of the pipeline's `limits:`, or of --timeout-seconds, --cpu-seconds, --memory-mb), then gives every passage the labels of the \
            pipeline's label sets (see pipelines/labels/*.yaml) whose cues it contains, each with a \
            score (0–1) and its evidence: the cue terms matched, the words of the passage that \
            matched them and their character offsets in the passage text.

            Without --json, prints per document the labels found with the number of passages and a \
            sample of evidence. With --json, prints the shape of `elo extract --json`, where every \
            passage of a readable document also has \
            "labels": [{"id", "score", "evidence": [{"cue", "text", "start", "end"}]}].

            Exit status: 0 every file was read and classified; 1 the pipeline or a label-set file is \
            invalid (the message names file and line; no document is read), or a system library is \
            missing; 2 some file needs attention (failed, partial, needs-password or needs-ocr); \
            64 bad arguments.

            Examples:
              elo classify corpus/inbox/lappi/*.pdf
              elo classify --pipeline pipelines/elo-2020.yaml corpus/documents-2020/*.txt
              elo classify --json plan.pdf | jq '.documents[0].passages[] | select(.labels != []) | {text, labels: [.labels[].id]}'
            """)

    @Option(name: .long, help: ArgumentHelp("Pipeline file naming the label sets and threshold.", valueName: "P"))
    var pipeline = "pipelines/elo-2014.yaml"

    @Flag(name: .long, help: "Print JSON: the `elo extract --json` shape with `labels` on every passage.")
    var json = false

    @OptionGroup(title: "Reading")
    var reading: ReadingOptions

    @Argument(help: ArgumentHelp("PDF or text files to classify.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to classify") }
    }

    func run() throws {
        let file: PipelineFile
        let configuration: PipelineConfiguration
        do {
            file = try PipelineFile.read(URL(fileURLWithPath: pipeline))
            configuration = try PipelineConfiguration(file)
        } catch {
            throw CommandFailure.configuration(error)
        }
        ModelNote.printIfStale(configuration, pipeline: pipeline)
        let classifier: PassageClassifier
        do { classifier = try PassageClassifier(configuration: configuration) } catch {
            throw CommandFailure.setup("\(error)")
        }
        // Read in worker processes with the pipeline's `limits:` (flags override them), as ingest reads.
        var documents = reading.read(files, limits: WorkerLimits(file.limits))
        for index in documents.indices where documents[index].status.isReadable {
            documents[index] = classifier.label(documents[index])
        }
        if json {
            try JSONOutput.write(ExtractionReport(documents: documents))
        } else {
            print(ClassificationSummary.render(documents, configuration: configuration), terminator: "")
        }
        if documents.contains(where: { $0.status != .ok }) { throw ExitCode(2) }
    }
}
