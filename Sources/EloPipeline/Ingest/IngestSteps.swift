import EloCore
import EloExtraction
import EloIndex
import EloSettings
import Foundation
import Logging

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

    init(
        run: IngestRun, store: IndexStore, runID: Int64, catalog: RegionCatalog,
        inbox: InboxScanner.Result
    ) {
        self.run = run
        self.store = store
        self.runID = runID
        self.catalog = catalog
        self.inbox = inbox
    }

    /// Steps 4–10 of `IngestRun`, in order.
    mutating func perform(started: Date, progress: @escaping @Sendable (Int, Int, String) -> Void) throws
        -> IngestSummary
    {
        logScan()
        var attention = inboxAttention()
        let plan = try planReading(attention: &attention)  // steps 4–5
        let results = try readAll(  // step 6
            plan.toRead, budget: RunBudget(settings: run.settings, started: started), progress: progress)
        if let signal = run.stop.signal {
            return try interrupted(
                by: signal, started: started, files: inbox.files.count, results: results, attention: attention)
        }
        attention += results.attention + notStarted(results.notStarted)
        let linked = try linkCopies(plan.toLink)
        try assignDeclaredRegions()
        try withdrawGone()  // step 7
        let reclassified = try reclassify()  // step 8
        sweepOCRPageCache()
        let stillWaiting = try waiting(besides: Set(attention.map(\.path)))  // step 9
        return try finish(  // step 10
            started: started, unchanged: plan.unchanged.count, results: results, linked: linked,
            reclassified: reclassified, attention: attention, stillWaiting: stillWaiting)
    }

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
        urls.concurrentMap(threads: threads) { url in Result { try ContentDigest.sha256(ofFile: url) } }
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
        let queue = ReadingQueue(jobs)
        let context = CommitContext(
            store: store, runID: runID, catalog: catalog, pipeline: run.settings.pipelineFile.path,
            classifier: run.classifier, logger: run.logger)
        let reader = ReadingThread(queue: queue, context: context, budget: budget, ingest: run, progress: progress)
        let group = DispatchGroup()
        for _ in 0..<min(run.settings.workers, queue.chains.count) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                reader.run()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        let results = queue.results()
        if let error = results.error { throw PipelineFailure(error) }
        return results
    }

    /// Re-labels stored passages whose label definitions changed, without re-extraction.
    private func reclassify() throws -> Int {
        if let version = run.labelSetVersion, try store.versionsToReclassify(labelSetVersion: version).isEmpty {
            return 0
        }
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
