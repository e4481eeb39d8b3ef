import Foundation
import Yams

extension PipelineFile {
    static let modelKeys = ["file", "threshold", "keep_rule_labels", "training"]

    /// `model:` — the learned layer: its file, the thresholds it decides with, and what `elo train` learns from.
    ///
    /// ```yaml
    /// model:
    ///   file: models/elo-2014.json        # written by `elo train`
    ///   threshold: 0.3                    # a label is given from this probability (default: the model's own)
    ///   keep_rule_labels: 0.1             # a label the cue rules give is kept from this probability
    ///   training:                         # label files (quote or word-bag lines) and where their documents are
    ///     - {labels: ../corpus/labels/corpus-dev.jsonl, documents: [../corpus/inbox]}
    /// ```
    public struct Model: Sendable {
        public struct TrainingSource: Sendable, Hashable {
            public var labels: URL
            public var documents: [URL]
            public var line: Int?
        }

        public var file: Located<String>
        public var threshold: Double?
        public var keepRuleLabels: Double?
        public var training: [TrainingSource] = []
    }
}

extension PipelineFileValues {
    func model(_ node: Node) throws(ConfigurationError) -> PipelineFile.Model {
        var file: PipelineFile.Located<String>?
        var threshold: Double?
        var keep: Double?
        var training: [PipelineFile.Model.TrainingSource] = []
        let pairs = try section(
            node, key: "model", allowed: PipelineFile.modelKeys, example: "file, threshold, keep_rule_labels, training")
        for (key, _, value) in pairs {
            switch key {
            case "file": file = .init(value: try text(value, key: "model.file"), line: value.mark?.line)
            case "threshold": threshold = try fraction(value, key: "model.threshold")
            case "keep_rule_labels": keep = try fraction(value, key: "model.keep_rule_labels")
            default: training = try trainingSources(value)
            }
        }
        guard let file else {
            throw fail(node, "`model` needs `file`, the model `elo train` writes, e.g. models/elo-2014.json")
        }
        if let threshold, let keep, keep > threshold {
            throw fail(node, "`model.keep_rule_labels` (\(keep)) must not be above `model.threshold` (\(threshold))")
        }
        return PipelineFile.Model(file: file, threshold: threshold, keepRuleLabels: keep, training: training)
    }

    private func trainingSources(_ node: Node) throws(ConfigurationError) -> [PipelineFile.Model.TrainingSource] {
        let example = "`- {labels: ../corpus/labels/corpus-dev.jsonl, documents: [../corpus/inbox]}`"
        guard let items = node.sequence else {
            throw fail(node, "`model.training` must be a list of label files, e.g. \(example)")
        }
        var sources: [PipelineFile.Model.TrainingSource] = []
        for item in items {
            var labels: URL?
            var documents: [URL] = []
            for (key, _, value) in try section(
                item, key: "model.training", allowed: ["labels", "documents"], example: example)
            {
                if key == "labels" {
                    labels =
                        URL(fileURLWithPath: try text(value, key: "model.training.labels"), relativeTo: folder)
                        .standardizedFileURL
                    continue
                }
                let entries = value.sequence ?? [value]
                for entry in entries { documents.append(try self.folder(entry, key: "model.training.documents")) }
            }
            guard let labels else { throw fail(item, "each entry of `model.training` needs `labels`, e.g. \(example)") }
            sources.append(.init(labels: labels, documents: documents, line: item.mark?.line))
        }
        return sources
    }
}
