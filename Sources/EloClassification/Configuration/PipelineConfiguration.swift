import Foundation
import Yams

/// A pipeline file (`pipelines/elo-2014.yaml`): which label sets to apply and with what thresholds.
///
/// Unknown top-level keys are rejected with the file and line. To add a setting, add its key to
/// `PipelineConfiguration.keys` and read it in `load` — the classifier ignores keys it does not use
/// (`inbox`, `output` belong to later stages and are only kept as written).
public struct PipelineConfiguration: Sendable {
    public static let keys: Set<String> = [
        "name", "label_sets", "lexicon", "threshold", "inbox", "output",
        // elo ingest's keys, read by EloPipeline.IngestSettings.
        "regions", "workers", "limits", "passwords", "ocr",
        // Coverage levels and report title, read by EloPipeline.CoverageSettings.
        "coverage", "title",
    ]

    public var file: String
    public var name: String
    public var labelSets: [LabelSet]
    /// A label is given when its score (0…1) reaches this value.
    public var threshold: Double
    /// Labels scoring at least this (and below their threshold) are kept as near-misses for the reports:
    /// `coverage.near_miss_score` of the pipeline file.
    public var nearMissScore = 0.25
    public var lexicon: HandLexicon
    /// Paths as written, resolved against the pipeline file's folder; for later stages.
    public var inbox: URL?
    public var output: URL?

    public init(file: String, name: String, labelSets: [LabelSet], threshold: Double, lexicon: HandLexicon = HandLexicon(), inbox: URL? = nil, output: URL? = nil) {
        self.file = file
        self.name = name
        self.labelSets = labelSets
        self.threshold = threshold
        self.lexicon = lexicon
        self.inbox = inbox
        self.output = output
    }

    /// Every label of every set, in file order.
    public var labels: [LabelDefinition] { labelSets.flatMap(\.labels) }

    /// Reads the pipeline file and every file it names; the first problem stops the load.
    public static func load(_ url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let reader = YAMLReader(file: url.path)
        let root = try reader.root(of: url)
        let folder = url.deletingLastPathComponent()
        var configuration = PipelineConfiguration(file: url.path, name: url.deletingPathExtension().lastPathComponent, labelSets: [], threshold: 0.5)
        var sawSets = false
        for (key, keyNode, value) in try reader.mapping(root, what: "pipeline", allowed: keys) {
            switch key {
            case "name": configuration.name = try reader.string(value, what: "name")
            case "threshold":
                configuration.threshold = try reader.number(value, what: "threshold")
                guard (0...1).contains(configuration.threshold) else { throw reader.fail(value, "threshold must lie between 0 and 1") }
            case "lexicon":
                let path = try reader.string(value, what: "lexicon")
                configuration.lexicon = try HandLexicon.load(folder.appendingPathComponent(path), displayPath: path)
            case "label_sets":
                sawSets = true
                var seen: Set<String> = []
                for item in try reader.sequence(value, what: "label_sets") {
                    let path = try reader.string(item, what: "label set path")
                    let file = folder.appendingPathComponent(path)
                    guard FileManager.default.fileExists(atPath: file.path) else {
                        throw reader.fail(item, "label set file '\(path)' not found (paths are relative to \(folder.path))")
                    }
                    let set = try LabelSetLoader().load(file, displayPath: file.path)
                    guard seen.insert(set.id).inserted else { throw reader.fail(item, "label set \(set.id) is listed twice") }
                    configuration.labelSets.append(set)
                }
            case "inbox": configuration.inbox = folder.appendingPathComponent(try reader.string(value, what: "inbox"))
            case "output": configuration.output = folder.appendingPathComponent(try reader.string(value, what: "output"))
            case "coverage":
                if let score = value.mapping?["near_miss_score"] {
                    configuration.nearMissScore = try reader.number(score, what: "coverage.near_miss_score")
                    guard (0...1).contains(configuration.nearMissScore) else {
                        throw reader.fail(score, "coverage.near_miss_score must lie between 0 and 1")
                    }
                }
            case "regions", "workers", "limits", "passwords", "ocr", "title":
                continue  // read by the stages they belong to
            default: throw reader.fail(keyNode, "unknown key '\(key)'")
            }
        }
        guard sawSets, !configuration.labelSets.isEmpty else {
            throw reader.fail(root, "no `label_sets:` — list the label-set files, e.g. `- labels/okm2011.yaml`")
        }
        return configuration
    }
}
