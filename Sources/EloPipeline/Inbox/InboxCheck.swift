import Foundation

/// The inbox as a run finds it, checked before anything is touched. A folder that is missing, not a folder,
/// unreadable or empty is far more often an unmounted share or a wrong path than a region withdrawing
/// everything — read as it is, it would withdraw every document of the index.
enum InboxCheck {
    /// Throws (exit status 1) when the inbox cannot be the regions' documents; an empty inbox passes only
    /// when `allowEmpty` (`--allow-withdraw`) says the withdrawal is meant.
    static func verify(_ inbox: URL, pipelineFile: String, allowEmpty: Bool) throws(PipelineFailure) {
        let path = inbox.path
        let fix = "fix `inbox:` in \(pipelineFile) or pass --inbox"
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw failure("the inbox \(path) does not exist — nothing was changed; check that it is mounted, or \(fix)")
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw failure(
                "the inbox \(path) is not a folder — nothing was changed; \(fix) so that it names the folder the regions' documents are dropped in"
            )
        }
        guard let folder = opendir(path) else {
            let reason = String(cString: strerror(errno))
            throw failure(
                "the inbox \(path) cannot be read (\(reason)) — nothing was changed; \(PermissionAdvice.fix(for: path, write: false))"
            )
        }
        closedir(folder)
        guard allowEmpty || hasDocument(inbox) else {
            throw failure(
                "the inbox \(path) is empty (it holds no documents) — nothing was changed, as reading it would withdraw every document of the index; check that it is mounted and is the right folder (\(fix)); if every document is to be withdrawn on purpose, run again with --allow-withdraw"
            )
        }
    }

    /// Whether the folder holds at least one document file (not hidden, not a `.meta.yaml` sidecar), as
    /// `InboxScanner` would list it.
    static func hasDocument(_ inbox: URL) -> Bool {
        guard
            let files = FileManager.default.enumerator(
                at: inbox.resolvingSymlinksInPath(), includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return false }
        for case let url as URL in files where !url.path.hasSuffix(".meta.yaml") {
            var info = stat()
            if stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { return true }
        }
        return false
    }

    private static func failure(_ message: String) -> PipelineFailure {
        PipelineFailure(message)
    }
}
