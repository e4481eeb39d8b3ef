import EloClassification
import EloCore
import EloSettings
import Foundation

extension IngestSettings {
    /// Refuses an output folder equal to, inside, or containing the inbox: the next run would read its own
    /// index, reports and run summaries back as submissions. Symbolic links are followed, so two names for
    /// one folder count as one.
    public func checkInboxAndOutputApart() throws(ConfigurationError) {
        let inboxPath = Self.realPath(inbox)
        let outputPath = Self.realPath(output)
        let relation: String
        if inboxPath == outputPath {
            relation = "is the inbox itself"
        } else if outputPath.hasPrefix(inboxPath == "/" ? "/" : inboxPath + "/") {
            relation = "is inside the inbox \(inbox.path)"
        } else if inboxPath.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
            relation = "contains the inbox \(inbox.path)"
        } else {
            return
        }
        throw ConfigurationError(
            file: pipelineFile.path, line: nil,
            message:
                "the output folder \(output.path) \(relation): the next run would read its own index and reports back as submissions — choose an output folder apart from the inbox (`output:` and `inbox:` in the pipeline file, or --output / --inbox); nothing was written"
        )
    }

    /// The path with every symbolic link of its existing part resolved; the part that does not exist yet is
    /// appended as given.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while existing.path != "/", !FileManager.default.fileExists(atPath: existing.path) {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = existing.path
        if let real = realpath(existing.path, nil) {
            resolved = String(cString: real)
            free(real)
        }
        return rest.reduce(resolved) { ($0 == "/" ? "" : $0) + "/" + $1 }
    }
}

extension IngestSettings {
    /// The inbox-relative paths of `--retry` files; a file that is not in the inbox is an operator's mistake,
    /// refused before the run touches anything.
    public func retryPaths() throws(ConfigurationError) -> Set<String> {
        let inboxPath = Self.realPath(inbox)
        var paths: Set<String> = []
        for given in retry {
            let asGiven = URL(fileURLWithPath: given)
            let candidates = [asGiven, inbox.appendingPathComponent(given)]
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                throw ConfigurationError(
                    file: given, line: nil,
                    message:
                        "--retry: no such file — give a file of the inbox \(inbox.path), as a path or relative to the inbox"
                )
            }
            let real = Self.realPath(found)
            guard real.hasPrefix(inboxPath + "/") else {
                throw ConfigurationError(
                    file: given, line: nil,
                    message:
                        "--retry: the file is not in the inbox \(inbox.path) — give a file of the inbox, or put it there first"
                )
            }
            paths.insert(LineSafeName.escape(String(real.dropFirst(inboxPath.count + 1))))
        }
        return paths
    }
}
