import EloExtraction
import EloCore
import EloIndex
import Foundation
import Logging
import Synchronization
import EloSettings

/// The body of one `IngestRun` once the lock is held and the index is open.
struct IngestSteps {
    let run: IngestRun
    let store: IndexStore
    let runID: Int64
    let catalog: RegionCatalog
    /// The inbox as scanned before the run started (the withdrawal guard looked at the same list).
    let inbox: InboxScanner.Result
    /// Inbox-relative paths `--retry` names: read again whatever the index remembers.
    var retryPaths: Set<String> = []

    /// A file whose content must be read.
    struct ReadJob: Sendable {
        var file: InboxFile
        var sha256: String
        var password: String?
        /// How it is read, stored with the version (`IngestReadConditions`).
        var conditions: IngestReadConditions {
            IngestReadConditions(password: password, ocr: ocr)
        }
        var ocr: OCRSettings.Mode = .off
        /// Read again although the index has this content (`--retry`, `--retry-failed`, a re-sent failure):
        /// the new reading replaces the stored one.
        var replacesReading = false
    }

    init(run: IngestRun, store: IndexStore, runID: Int64, catalog: RegionCatalog,
         inbox: InboxScanner.Result) {
        self.run = run
        self.store = store
        self.runID = runID
        self.catalog = catalog
        self.inbox = inbox
    }

    mutating func perform(started: Date, progress: @escaping @Sendable (Int, Int, String) -> Void) throws -> IngestSummary {
        let logger = run.logger
        let files = inbox.files
        logger.info("scanned the inbox", metadata: ["files": "\(files.count)", "skipped": "\(inbox.skipped.count)"])
        for entry in inbox.skipped { logger.notice("skipped", metadata: ["path": "\(entry.path)", "reason": "\(entry.reason.rawValue)"]) }
        var attention = inbox.badSidecars.map { path, reason in
            IngestSummary.AttentionItem(
                path: path, problem: "bad-sidecar", reason: reason,
                action: "fix the YAML (keys region, round, type, password) or remove the file")
        }
        // A name that is not UTF-8 hides a document nobody can see in the index: someone must rename it.
        attention += inbox.skipped.filter { $0.reason == .notUTF8 }.map { entry in
            IngestSummary.AttentionItem(
                path: entry.path, problem: "bad-file-name", reason: "the file name is not valid UTF-8, so the file was not read",
                action: "rename it with a UTF-8 name (e.g. `convmv -f latin1 -t utf8 --notest FILE`)")
        }

        // Step 4–5: what changed, without reading unchanged files.
        let plan = try plan(files, attention: &attention)
        let (unchanged, toLink, toRead) = (plan.unchanged, plan.toLink, plan.toRead)
        try store.touch(paths: unchanged, at: Date())
        // A sidecar's round, added or corrected, puts the versions of its document in order again.
        try store.applyRounds(
            Dictionary(files.compactMap { file in file.sidecar?.round.map { (file.relativePath, $0) } }) { first, _ in first },
            at: Date())
        try store.count(.unchanged, by: unchanged.count, run: runID)
        logger.info("planned", metadata: [
            "unchanged": "\(unchanged.count)", "read": "\(toRead.count)", "link": "\(toLink.count)",
        ])

        // Step 6: read in worker processes, one writer commits each document.
        let results = try readAll(toRead, budget: RunBudget(settings: run.settings, started: started), progress: progress)
        if let signal = run.stop.signal {
            return try interrupted(by: signal, started: started, files: files.count, results: results, attention: attention)
        }
        attention += results.attention
        attention += notStarted(results.notStarted)
        var linked = 0
        for (file, sha) in toLink {
            if try store.link(
                path: file.relativePath, bytes: file.bytes, mtimeNanoseconds: file.mtimeNanoseconds, sha256: sha,
                run: runID, at: Date())
            {
                linked += 1
            }
        }

        // A document without a region gets the one its file's folder or sidecar declares now (the action its
        // attention line asked for), without reading it again.
        let unassigned = try store.unassignedPaths()
        for file in files where unassigned.contains(file.relativePath) {
            guard let declared = catalog.declaredRegion(of: file) else { continue }
            if try store.assignRegion(toDocumentAt: file.relativePath, region: declared.region, source: declared.source) {
                logger.info("region assigned", metadata: ["path": "\(file.relativePath)", "region": "\(declared.region)"])
            }
        }

        // Step 7–8.
        let gone = try store.withdrawMissing(present: Set(files.map(\.relativePath)), run: runID, at: Date())
        for path in gone { logger.info("removed from the inbox", metadata: ["path": "\(path)"]) }
        let reclassified = try reclassify()
        sweepOCRPageCache()
        // Documents earlier runs listed that are still in the inbox and still need someone to act.
        let stillWaiting = try waiting(besides: Set(attention.map(\.path)))

        let counts = try store.counters(ofRun: runID)
        let ended = Date()
        let needsAttention = !attention.isEmpty || !stillWaiting.isEmpty
        let outcome = needsAttention ? "needs-attention" : "ok"
        try store.finishRun(runID, outcome: outcome, filesSeen: files.count, endedAt: ended)
        var summary = IngestSummary(
            run: runID, startedAt: IndexStore.timestamp(started), endedAt: IndexStore.timestamp(ended),
            seconds: ended.timeIntervalSince(started), index: store.url.path, outcome: outcome,
            exitCode: needsAttention ? 2 : 0, files: files.count, unchanged: unchanged.count,
            newDocuments: counts["new_documents"] ?? 0, newVersions: counts["new_versions"] ?? 0,
            linked: linked + results.linked, withdrawn: counts["withdrawn"] ?? 0, reclassified: reclassified,
            pages: results.pages, attention: attention.sorted { ($0.path, $0.problem) < ($1.path, $1.problem) },
            stillWaiting: stillWaiting)
        summary.skipped = inbox.skipped
        summary.workersStarted = results.workersStarted
        summary.workerPeakMemoryMB = results.workerPeakMemoryMB
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        summary.peakMemoryMB = Double(usage.ru_maxrss) / 1024
        return summary
    }

    /// The index's documents that still need attention, with the same reasons and actions as when they were
    /// read, except those this run has just listed.
    private func waiting(besides listed: Set<String>) throws -> [IngestSummary.AttentionItem] {
        try store.documentsNeedingAttention().filter { !listed.contains($0.path) }.flatMap { waiting in
            let document = Document(
                path: waiting.path, sha256: "", pages: 0, language: .unknown, status: waiting.status,
                method: .textLayer, diagnostics: waiting.diagnostics, passages: [])
            return IngestSummary.attention(
                for: document, path: waiting.path, region: waiting.region, pipeline: run.settings.pipelineFile.path
            ).map { item in
                var item = item
                item.since = waiting.since
                return item
            }
        }
    }

    /// SHA-256 of each file, on `threads` threads (hashing a large inbox on one core would leave the others idle).
    static func hash(_ urls: [URL], threads: Int) -> [Result<String, any Error>] {
        let hashes = Mutex([Result<String, any Error>?](repeating: nil, count: urls.count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, urls.count))) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < urls.count else { return }
                let result = Result { try ContentDigest.sha256(ofFile: urls[index]) }
                hashes.withLock { $0[index] = result }
            }
        }
        return hashes.withLock { $0.map { $0 ?? .failure(CocoaError(.fileReadUnknown)) } }
    }

    /// What the worker threads gathered.
    struct ReadResults: Sendable {
        var attention: [IngestSummary.AttentionItem] = []
        var linked = 0
        var pages = 0
        var workersStarted = 0
        var workerPeakMemoryMB = 0.0
        var error: String?
        /// Files not started because the run's time (`max_run_minutes`) was up; the next run reads them.
        var notStarted: [ReadJob] = []
    }

    /// Reads and commits `jobs` on `settings.workers` threads; versions of one document are read one after
    /// another, oldest first, by one thread (`IngestReadOrder`), so their version numbers do not depend on timing.
    /// Past `budget`'s end no new document starts; each started one gets its OCR allowance from it.
    private func readAll(
        _ jobs: [ReadJob], budget: RunBudget, progress: @escaping @Sendable (Int, Int, String) -> Void
    ) throws -> ReadResults {
        guard !jobs.isEmpty else { return ReadResults() }
        let chains = IngestReadOrder.chains(jobs)
        let next = Mutex(0)
        let done = Mutex(0)
        let results = Mutex(ReadResults())
        let (executable, limits, environment) = (run.workerExecutable, run.settings.limits, run.workerEnvironment)
        let (ocr, beforeReading, stop) = (run.settings.ocr, run.beforeReading, run.stop)
        let group = DispatchGroup()
        let threads = min(run.settings.workers, chains.count)
        let context = CommitContext(
            store: store, runID: runID, catalog: catalog, pipeline: run.settings.pipelineFile.path,
            classifier: run.classifier, logger: run.logger)
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                // Each thread keeps one long-lived worker process (replaced when it fails or is recycled).
                let worker = WorkerProcess(executable: executable, limits: limits, environment: environment)
                worker.ocr = ocr
                defer {
                    worker.shutdown()
                    results.withLock {
                        $0.workersStarted += worker.started
                        $0.workerPeakMemoryMB = max($0.workerPeakMemoryMB, worker.peakMemoryMB)
                    }
                }
                let local = context.makeLocal()
                // The thread's jobs: whole chains, taken one at a time from the shared list.
                var chain: ArraySlice<ReadJob> = []
                func take() -> ReadJob? {
                    if stop.isRequested { return nil }
                    if budget.isUp {
                        results.withLock { $0.notStarted += chain }
                        chain = []
                        return nil
                    }
                    if chain.isEmpty {
                        let index = next.withLock { value -> Int in
                            defer { value += 1 }
                            return value
                        }
                        guard index < chains.count else { return nil }
                        chain = chains[index][...]
                    }
                    return chain.popFirst()
                }
                // The worker reads the next document while this thread classifies and commits the one before:
                // one document in the worker at a time, commits in reading order.
                var current = take()
                if let current {
                    beforeReading(current.file)
                    worker.start(current.file.url, password: current.password, ocrAllowance: budget.ocrAllowance())
                }
                while let job = current {
                    let outcome = worker.finish()
                    guard results.withLock({ $0.error == nil }) else { return }
                    // Asked to stop: this reading is dropped (never committed: the next run reads the file).
                    if stop.isRequested { return }
                    let following = take()
                    if let following {
                        beforeReading(following.file)
                        worker.start(following.file.url, password: following.password, ocrAllowance: budget.ocrAllowance())
                    }
                    do {
                        let (items, committed, pages) = try context.commitUnlessTransient(job, outcome, local: local)
                        results.withLock {
                            $0.attention += items
                            $0.pages += pages
                            if committed == .linked { $0.linked += 1 }
                        }
                    } catch {
                        results.withLock { $0.error = "committing \(job.file.relativePath): \(error)" }
                        return
                    }
                    let finished = done.withLock { value -> Int in
                        value += 1
                        return value
                    }
                    progress(finished, jobs.count, job.file.relativePath)
                    current = following
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let untaken = next.withLock { $0 }
        if untaken < chains.count { results.withLock { $0.notStarted += chains[untaken...].flatMap { $0 } } }
        let gathered = results.withLock { $0 }
        if let error = gathered.error { throw PipelineFailure(error) }
        return gathered
    }

    /// Re-labels stored passages whose label definitions changed, without re-extraction.
    private func reclassify() throws -> Int {
        guard let classifier = try run.classifier(nil) else { return 0 }
        let version = classifier.labelSetVersion
        var count = 0
        for versionID in try store.versionsToReclassify(labelSetVersion: version) {
            let stored = try store.passages(ofVersion: versionID)
            let document = Document(
                path: "", sha256: "", pages: 0, language: .unknown, status: .ok, method: .textLayer,
                diagnostics: [], passages: stored.map(\.passage))
            let classified = classifier.classify(document)
            let labelled = classified.passages
            var labels: [Int64: [PassageLabel]] = [:]
            var nearMisses: [Int64: [PassageLabel]] = [:]
            for (storedPassage, passage) in zip(stored, labelled) {
                labels[storedPassage.id] = passage.labels ?? []
                nearMisses[storedPassage.id] = passage.nearMisses ?? []
            }
            // `document` had no diagnostics: what `classified` has is the classifier's (off the topic or not, now)
            try store.replaceLabels(
                ofVersion: versionID, with: labels, nearMisses: nearMisses, classification: classified.diagnostics,
                labelSetVersion: version, run: runID)
            count += 1
        }
        return count
    }
}
