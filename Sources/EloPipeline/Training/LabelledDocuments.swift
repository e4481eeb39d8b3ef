import EloClassification
import EloCore
import EloSettings
import Foundation

/// Gold label files and the passages of the documents they quote, read through the real pipeline (extraction
/// and normalisation, as `elo extract` does): what `elo eval` scores and `elo train` learns from. Word-bag
/// lines need no documents (their passages are made from the lines).
public struct LabelledDocuments: Sendable {
    public var gold: [GoldLabel]
    /// Passages of every readable document a quote line names, by file name.
    public var passages: [String: [Passage]]
    /// File names quote lines name that are under none of the folders.
    public var missing: [String]

    /// Reads the label files (each checked against `labelSets`) and the documents their quotes come from under
    /// `folders` (by file name, at any depth; the first folder holding a name wins).
    public static func load(labels: [URL], folders: [URL], labelSets: [LabelSet], jobs: Int) throws -> LabelledDocuments
    {
        var gold: [GoldLabel] = []
        for url in labels { gold += try GoldLabel.load(url, knownSets: labelSets) }
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ConfigurationError(
                    file: folder.path, line: nil,
                    message: "not a folder — give the folder that holds the labelled documents")
            }
        }
        let names = Set(gold.filter { !$0.isWordBag }.map(\.document))
        var files: [String: URL] = [:]
        for folder in folders {
            files.merge(EvaluationDocuments(names: names, under: folder).files) { first, _ in first }
        }
        let passages = try read(files, jobs: jobs)
        return LabelledDocuments(gold: gold, passages: passages, missing: names.subtracting(files.keys).sorted())
    }

    /// Reads the documents, grouped by password (`FILE.meta.yaml`); unreadable ones get no passages.
    static func read(_ files: [String: URL], jobs: Int) throws -> [String: [Passage]] {
        let byPassword = Dictionary(grouping: files.sorted { $0.key < $1.key }) {
            EvaluationDocuments.password(for: $0.value)
        }
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
