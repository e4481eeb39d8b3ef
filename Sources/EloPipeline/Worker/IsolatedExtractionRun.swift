import Dispatch
import EloCore
import EloExtraction
import EloSettings
import Foundation
import Synchronization

/// Reads files named on the command line (`elo extract`, `elo classify`) the way `elo ingest` reads the inbox:
/// each in a long-lived worker process (`elo _worker --serve`) with per-document time, CPU and memory limits.
/// A runaway file — a decompression bomb, a reader that hangs — ends as a `failed` document whose diagnostic
/// says "timed out" or "out of memory", and the next file is read by a fresh worker.
public struct IsolatedExtractionRun: Sendable {
    /// The elo binary whose hidden `_worker` subcommand reads the files.
    public var executable: URL
    public var limits: WorkerLimits
    /// Worker processes reading in parallel.
    public var workers: Int
    public var ocr: OCRSettings
    /// How failure reasons name the limits (the flags of the command, or the pipeline file).
    public var limitNames = WorkerLimits.Names.flagOrPipelineFile

    public init(executable: URL, limits: WorkerLimits, workers: Int, ocr: OCRSettings = .init(mode: .off)) {
        self.executable = executable
        self.limits = limits
        self.workers = max(1, workers)
        self.ocr = ocr
    }

    /// Reads `files` with the same `password` for each; one document per file, in the order given, each with
    /// the path as given. Never throws: a file that could not be read is a `failed` document saying why.
    public func read(_ files: [String], password: String? = nil) -> [Document] {
        let results = Mutex<[Int: Document]>([:])
        let threads = min(workers, max(1, files.count))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let worker = makeWorker()
            defer { worker.shutdown() }
            for index in stride(from: thread, to: files.count, by: threads) {
                let document = read(files[index], with: worker, password: password)
                results.withLock { $0[index] = document }
            }
        }
        return results.withLock { collected in files.indices.compactMap { collected[$0] } }
    }

    private func makeWorker() -> WorkerProcess {
        let worker = WorkerProcess(executable: executable, limits: limits)
        worker.ocr = ocr
        worker.limitNames = limitNames
        return worker
    }

    private func read(_ path: String, with worker: WorkerProcess, password: String?) -> Document {
        let url = URL(fileURLWithPath: path)
        let outcome = worker.read(url, password: password)
        if case .document(let document) = outcome { return outcome.readDocument(path: path, sha256: document.sha256) }
        // A failed reading still names the content it failed on, as a read document does.
        let sha256 = (try? ContentDigest.sha256(ofFile: url)) ?? ""
        return outcome.readDocument(path: path, sha256: sha256)
    }
}
