import EloExtraction
import Foundation

/// One reading thread of a run: keeps one long-lived worker process (replaced when it fails or is recycled),
/// takes whole chains from the `ReadingQueue`, and lets the worker read the next document while it classifies
/// and commits the one before — one document in the worker at a time, commits in reading order.
struct ReadingThread: Sendable {
    let queue: ReadingQueue
    let context: CommitContext
    let budget: RunBudget
    let ingest: IngestRun
    let progress: @Sendable (Int, Int, String) -> Void

    func run() {
        let worker = WorkerProcess(
            executable: ingest.workerExecutable, limits: ingest.settings.limits, environment: ingest.workerEnvironment)
        worker.ocr = ingest.settings.ocr
        defer {
            worker.shutdown()
            queue.gather {
                $0.workersStarted += worker.started
                $0.workerPeakMemoryMB = max($0.workerPeakMemoryMB, worker.peakMemoryMB)
            }
        }
        let local = context.makeLocal()
        var chain: ArraySlice<IngestSteps.ReadJob> = []
        var current = take(&chain)
        if let current { start(current, in: worker) }
        while let job = current {
            let outcome = worker.finish()
            // Asked to stop: this reading is dropped (never committed: the next run reads the file).
            guard !queue.hasFailed, !ingest.stop.isRequested else { return }
            let following = take(&chain)
            if let following { start(following, in: worker) }
            guard commit(job, outcome, local: local) else { return }
            progress(queue.finishedOne(), queue.total, job.file.relativePath)
            current = following
        }
    }

    /// The next job of this thread's chain, or of a new chain; nil when asked to stop, when the run's time is up
    /// (the rest of the chain is then listed as not started) or when every chain is taken.
    private func take(_ chain: inout ArraySlice<IngestSteps.ReadJob>) -> IngestSteps.ReadJob? {
        if ingest.stop.isRequested { return nil }
        if budget.isUp {
            let left = chain
            queue.gather { $0.notStarted += left }
            chain = []
            return nil
        }
        if chain.isEmpty {
            guard let taken = queue.takeChain() else { return nil }
            chain = taken
        }
        return chain.popFirst()
    }

    private func start(_ job: IngestSteps.ReadJob, in worker: WorkerProcess) {
        ingest.beforeReading(job.file)
        worker.start(job.file.url, password: job.password, ocrAllowance: budget.ocrAllowance())
    }

    /// Commits one reading; false (and the error gathered) when the index could not take it.
    private func commit(_ job: IngestSteps.ReadJob, _ outcome: WorkerProcess.Outcome, local: CommitContext.Local)
        -> Bool
    {
        do {
            let (items, committed, pages) = try context.commitUnlessTransient(job, outcome, local: local)
            queue.gather {
                $0.attention += items
                $0.pages += pages
                if committed == .linked { $0.linked += 1 }
            }
            return true
        } catch {
            queue.gather { $0.error = "committing \(job.file.relativePath): \(error)" }
            return false
        }
    }
}
