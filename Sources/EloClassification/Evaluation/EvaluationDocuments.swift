import EloSettings
import Foundation

/// Finds the documents a label file names under a documents folder (by file name, at any depth) and
/// the password each needs (from a `FILE.meta.yaml` sidecar with a `password:` key).
public struct EvaluationDocuments: Sendable {
    /// File name → where it was found. When a name occurs twice, the first in sorted path order wins.
    public var files: [String: URL]
    /// Names the label file mentions that are not under the folder.
    public var missing: [String]

    /// Searches `folder` recursively for the file names in `names`.
    public init(names: Set<String>, under folder: URL) {
        var found: [String: URL] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var candidates: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if names.contains(url.lastPathComponent) { candidates.append(url) }
        }
        for url in candidates.sorted(by: { $0.path < $1.path }) where found[url.lastPathComponent] == nil {
            found[url.lastPathComponent] = url
        }
        files = found
        missing = names.subtracting(found.keys).sorted()
    }

    /// The `password:` of the document's sidecar `FILE.meta.yaml`, if there is one.
    public static func password(for document: URL) -> String? { Sidecar.password(besides: document) }
}
