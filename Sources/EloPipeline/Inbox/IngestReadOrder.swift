import EloCore
import Foundation

/// The order in which a run reads its new files. Files that are versions of one document (the same
/// `InboxFile.versionKey`) form one chain, read one after another by the same reader, oldest first — so
/// when v1 and v2 arrive in the same run, they are first seen in their order, not in the order a reader
/// happened to finish. Different chains are read in parallel.
///
/// Oldest first is `VersionOrder` on what is known before reading: the sidecar's `round` (or `year`), then
/// the version marker in the file name, then the inbox path — never the modification time, which a
/// `git clone` resets. The index orders the stored versions again once their first pages are read.
enum IngestReadOrder {
    static func chains(_ jobs: [IngestSteps.ReadJob]) -> [[IngestSteps.ReadJob]] {
        var byKey: [String: [IngestSteps.ReadJob]] = [:]
        var keys: [String] = []
        for job in jobs {
            let key = job.file.versionKey
            if byKey[key] == nil { keys.append(key) }
            byKey[key, default: []].append(job)
        }
        return keys.map { key in byKey[key, default: []].sorted { isOlder($0.file, than: $1.file) } }
    }

    /// Whether `a` is an older version than `b`, by round, then the file name's version marker, then path.
    static func isOlder(_ a: InboxFile, than b: InboxFile) -> Bool {
        VersionOrder.compare(entry(a), entry(b)).older
    }

    private static func entry(_ file: InboxFile) -> VersionOrder.Entry {
        VersionOrder.Entry(
            facts: VersionOrder.Facts(path: file.relativePath, round: file.sidecar?.round), firstSeen: nil,
            path: file.relativePath)
    }
}
