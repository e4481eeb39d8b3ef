import Foundation

/// The order in which a run reads its new files. Files that are versions of one document (the same
/// `InboxFile.versionKey`) form one chain, read one after another by the same reader, oldest first — so
/// when v1 and v2 arrive in the same run, their version numbers follow the order they were written, not
/// which reader happened to finish first. Different chains are read in parallel.
///
/// Oldest first means: the sidecar's `round` (or `year`), compared as numbers where they are numbers
/// (a file without one comes first); then the file's modification time; then its inbox path.
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

    /// Whether `a` was written before `b`, by round, then modification time, then path.
    static func isOlder(_ a: InboxFile, than b: InboxFile) -> Bool {
        let roundA = a.sidecar?.round ?? ""
        let roundB = b.sidecar?.round ?? ""
        switch roundA.compare(roundB, options: [.numeric, .caseInsensitive]) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: break
        }
        if a.mtimeNanoseconds != b.mtimeNanoseconds { return a.mtimeNanoseconds < b.mtimeNanoseconds }
        return a.relativePath < b.relativePath
    }
}
