import EloCore
import Foundation

/// A reading that failed, or cannot be trusted, for a reason outside the document: the file vanished or changed
/// while it was read, it could not be read from the disk, or the machine could not give a reader (no process,
/// no pipe). Such a reading is not committed, so nothing is remembered against the content: the next run
/// reads the file again. Failures the content causes (damaged, encrypted, a reader crash or limit) are committed
/// as `failed` and read again only when the file is re-sent or `--retry` asks.
enum TransientFailure {
    /// Worker outcomes that say nothing about the document.
    static let machineFailureIDs: Set<String> = [
        "ingest.worker-unavailable", "ingest.worker-spawn", "ingest.worker-request", "extraction.missing-file",
    ]

    /// Why the reading of `file` cannot be kept, or nil when it can: the file must still be there, with the
    /// size and modification time the scan saw.
    static func reason(_ file: InboxFile, _ outcome: WorkerProcess.Outcome) -> String? {
        var info = stat()
        guard stat(file.url.path, &info) == 0 else {
            return "the file vanished while it was read (\(String(cString: strerror(errno))))"
        }
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if Int64(info.st_size) != file.bytes || mtime != file.mtimeNanoseconds {
            return "the file changed while it was read (still being copied?)"
        }
        if case .failure(let id, let reason) = outcome, machineFailureIDs.contains(id) {
            return "\(reason) (\(id))"
        }
        return nil
    }

    /// The line of the run summary for a file not read this time.
    static func attention(path: String, reason: String) -> IngestSummary.AttentionItem {
        IngestSummary.AttentionItem(
            path: path, problem: "not-read", reason: reason,
            action:
                "nothing to do if it passes: the next run reads it again; if it repeats, check the disk, free memory and the cron user's process limits (ulimit -u)"
        )
    }
}
