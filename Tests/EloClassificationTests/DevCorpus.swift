import EloClassification
import EloCore
import EloPipeline
import Foundation

/// Paths of the repository and of ../shared beside it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let pipelines = root.appendingPathComponent("pipelines")
    static let labels = root.appendingPathComponent("corpus/labels")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seeds = shared.appendingPathComponent("seeds")
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
    static var hasCorpus: Bool {
        FileManager.default.fileExists(atPath: labels.appendingPathComponent("corpus-dev.jsonl").path)
    }
}

/// The documents the dev label files name, read once through the real pipeline (`DocumentReader`:
/// extraction + normalisation, sidecar passwords), by file name.
enum DevCorpus {
    static let passages: [String: [Passage]] = {
        let folders = [
            Repository.root.appendingPathComponent("corpus/inbox"),
            Repository.root.appendingPathComponent("corpus/documents-2020"), Repository.seeds,
        ]
        var names: Set<String> = []
        for file in ["seeds-dev.jsonl", "corpus-dev.jsonl", "elo2020-dev.jsonl"] {
            names.formUnion(
                ((try? GoldLabel.load(Repository.labels.appendingPathComponent(file))) ?? []).map(\.document))
        }
        guard let reader = try? DocumentReader() else { return [:] }
        var result: [String: [Passage]] = [:]
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            for (name, url) in EvaluationDocuments(names: names, under: folder).files where result[name] == nil {
                let document = reader.read(url, password: EvaluationDocuments.password(for: url))
                if document.status.isReadable { result[name] = document.passages }
            }
        }
        return result
    }()

    /// corpus-dev.jsonl split by document for tuning without overfitting: documents in sorted name
    /// order, even positions are half A (looked at while tuning), odd positions half B (held out).
    static func corpusHalf(_ half: Character, of gold: [GoldLabel]) -> [GoldLabel] {
        let names = Set(gold.map(\.document)).sorted()
        let chosen = Set(names.enumerated().filter { ($0.offset % 2 == 0) == (half == "A") }.map(\.element))
        return gold.filter { chosen.contains($0.document) }
    }
}
