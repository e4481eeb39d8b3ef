import Foundation

/// The inbox's files as the pages link to them (`sources/lappi/plan.pdf#page=3`): only a path the index
/// knows as a current document is asked for (the responder checks), and only a regular file whose real
/// location is inside the inbox is read — a symbolic link, a folder or anything outside gives nothing.
struct SourceFiles: Sendable {
    /// The inbox (`inbox:` of the pipeline file); nil: no source file is served.
    let inbox: URL?

    func contents(of document: String) -> Data? {
        guard let inbox, !document.hasPrefix("/") else { return nil }
        let root = inbox.resolvingSymlinksInPath().standardizedFileURL.path
        let file = inbox.appendingPathComponent(document)
        var status = stat()
        guard lstat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let real = file.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(root + "/") else { return nil }
        return FileManager.default.contents(atPath: real)
    }
}
