import ArgumentParser
import EloClassification
import EloPipeline
import EloSettings
import Foundation

/// Where the index is, for the index's upkeep commands: `--index FILE` itself (a backup too), or
/// `<output>/index.sqlite` from `--output` or the pipeline file's `output:`.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The pipeline file (YAML); the index is index.sqlite in its `output:` folder.")
    var pipeline: String?

    @Option(name: .long, help: "Output folder holding index.sqlite (instead of the pipeline file's `output:`).")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The index file itself, e.g. a backup.", valueName: "FILE"))
    var index: String?

    func validate() throws {
        if index == nil, output == nil, pipeline == nil {
            throw ValidationError("say which index: --pipeline P (its `output:` folder), --output DIR or --index FILE")
        }
    }

    /// The index file these options name; a bad pipeline file is a configuration error (exit 1).
    func indexFile() throws -> URL {
        if let index { return URL(fileURLWithPath: index) }
        if let output { return URL(fileURLWithPath: output).appendingPathComponent(IngestRun.indexFileName) }
        let path = pipeline ?? ""
        let file = try PipelineFile.read(URL(fileURLWithPath: path))
        guard let folder = file.output else {
            throw ConfigurationError(
                file: path, line: nil,
                message: "no `output:` folder given — add `output: <folder>`, or pass --output or --index")
        }
        return folder.appendingPathComponent(IngestRun.indexFileName)
    }
}
