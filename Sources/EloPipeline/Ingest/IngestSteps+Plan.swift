import EloCore
import EloIndex
import Foundation

extension IngestSteps {
    /// What a run does with each inbox file: skip it unchanged, link it to content already indexed, or read it.
    struct Plan {
        var unchanged: [String] = []
        var toLink: [(InboxFile, String)] = []
        var toRead: [ReadJob] = []
    }

    /// Steps 4–5: files whose path, size and modification time are as recorded are skipped without reading
    /// (unless `--retry` names them, or `--retry-failed` and their reading failed); the others are hashed, and
    /// content already indexed is linked, except content whose reading failed (a re-sent file is read again),
    /// or that waits for a password or OCR given since.
    func plan(_ files: [InboxFile], attention: inout [IngestSummary.AttentionItem]) throws -> Plan {
        let known = try store.knownFiles()
        let ocrMode = run.settings.ocr.mode
        var plan = Plan()
        var scheduled: Set<String> = []
        var changed: [(file: InboxFile, password: String?, forced: Bool)] = []
        for file in files {
            let password = file.sidecar?.password ?? run.settings.password(for: file.relativePath)
            let entry = known[file.relativePath]
            let forced =
                retryPaths.contains(file.relativePath) || (run.settings.retryFailed && entry?.status == .failed)
            if !forced, let entry, entry.bytes == file.bytes, entry.mtimeNanoseconds == file.mtimeNanoseconds,
                !IngestReadConditions(password: password, ocr: ocrMode).warrantRereading(
                    entry.status, readUnder: entry.readWith)
            {
                plan.unchanged.append(file.relativePath)
                continue
            }
            changed.append((file, password, forced))
        }
        let hashes = Self.hash(changed.map(\.file.url), threads: run.settings.workers)
        for ((file, password, forced), hashed) in zip(changed, hashes) {
            let sha: String
            switch hashed {
            case .success(let value): sha = value
            case .failure(let error):
                attention.append(
                    TransientFailure.attention(
                        path: file.relativePath, reason: "cannot read the file: \(error.localizedDescription)"))
                continue
            }
            let conditions = IngestReadConditions(password: password, ocr: ocrMode)
            let stored = try store.reading(ofContent: sha)
            if scheduled.contains(sha) {
                plan.toLink.append((file, sha))
            } else if let stored, !forced, stored.status != .failed,
                !conditions.warrantRereading(stored.status, readUnder: stored.readWith)
            {
                plan.toLink.append((file, sha))
            } else {
                scheduled.insert(sha)
                var job = ReadJob(file: file, sha256: sha, password: password, ocr: ocrMode)
                job.replacesReading = stored != nil
                plan.toRead.append(job)
            }
        }
        return plan
    }
}
