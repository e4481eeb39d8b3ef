import EloIndex
import Foundation

/// The steps `IngestSteps.perform` lists, each small enough to read at once.
extension IngestSteps {
    func logScan() {
        run.logger.info(
            "scanned the inbox", metadata: ["files": "\(inbox.files.count)", "skipped": "\(inbox.skipped.count)"])
        for entry in inbox.skipped {
            run.logger.notice("skipped", metadata: ["path": "\(entry.path)", "reason": "\(entry.reason.rawValue)"])
        }
    }

    /// What the scan found that someone must act on: bad sidecars, and names that are not UTF-8 (a document
    /// nobody can see in the index: someone must rename it).
    func inboxAttention() -> [IngestSummary.AttentionItem] {
        let sidecars = inbox.badSidecars.map { path, reason in
            IngestSummary.AttentionItem(
                path: path, problem: "bad-sidecar", reason: reason,
                action: "fix the YAML (keys region, round, type, password) or remove the file")
        }
        let names = inbox.skipped.filter { $0.reason == .notUTF8 }.map { entry in
            IngestSummary.AttentionItem(
                path: entry.path, problem: "bad-file-name",
                reason: "the file name is not valid UTF-8, so the file was not read",
                action: "rename it with a UTF-8 name (e.g. `convmv -f latin1 -t utf8 --notest FILE`)")
        }
        return sidecars + names
    }

    /// Steps 4–5: what changed, without reading unchanged files; unchanged files are touched, sidecar rounds
    /// applied (a round added or corrected puts the versions of its document in order again).
    func planReading(attention: inout [IngestSummary.AttentionItem]) throws -> Plan {
        let files = inbox.files
        let plan = try plan(files, attention: &attention)
        try store.touch(paths: plan.unchanged, at: Date())
        try store.applyRounds(
            Dictionary(files.compactMap { file in file.sidecar?.round.map { (file.relativePath, $0) } }) { first, _ in
                first
            },
            at: Date())
        try store.count(.unchanged, by: plan.unchanged.count, run: runID)
        run.logger.info(
            "planned",
            metadata: [
                "unchanged": "\(plan.unchanged.count)", "read": "\(plan.toRead.count)", "link": "\(plan.toLink.count)",
            ])
        return plan
    }

    /// Files whose content the index already has (a copy or a rename): linked without reading.
    func linkCopies(_ toLink: [(InboxFile, String)]) throws -> Int {
        var linked = 0
        for (file, sha) in toLink
        where try store.link(
            path: file.relativePath, bytes: file.bytes, mtimeNanoseconds: file.mtimeNanoseconds, sha256: sha,
            run: runID,
            at: Date())
        {
            linked += 1
        }
        return linked
    }

    /// A document without a region gets the one its file's folder or sidecar declares now (the action its
    /// attention line asked for), without reading it again.
    func assignDeclaredRegions() throws {
        let unassigned = try store.unassignedPaths()
        for file in inbox.files where unassigned.contains(file.relativePath) {
            guard let declared = catalog.declaredRegion(of: file) else { continue }
            if try store.assignRegion(toDocumentAt: file.relativePath, region: declared.region, source: declared.source)
            {
                run.logger.info(
                    "region assigned", metadata: ["path": "\(file.relativePath)", "region": "\(declared.region)"])
            }
        }
    }

    /// Step 7: files gone from the inbox are removed, their documents withdrawn.
    func withdrawGone() throws {
        let gone = try store.withdrawMissing(present: Set(inbox.files.map(\.relativePath)), run: runID, at: Date())
        for path in gone { run.logger.info("removed from the inbox", metadata: ["path": "\(path)"]) }
    }

    /// Step 10: the run finished in the index, and its summary.
    func finish(
        started: Date, unchanged: Int, results: ReadResults, linked: Int, reclassified: Int,
        attention: [IngestSummary.AttentionItem], stillWaiting: [IngestSummary.AttentionItem]
    ) throws -> IngestSummary {
        let counts = try store.counters(ofRun: runID)
        let ended = Date()
        let needsAttention = !attention.isEmpty || !stillWaiting.isEmpty
        let outcome = needsAttention ? "needs-attention" : "ok"
        try store.finishRun(runID, outcome: outcome, filesSeen: inbox.files.count, endedAt: ended)
        var summary = IngestSummary(
            run: runID, startedAt: IndexStore.timestamp(started), endedAt: IndexStore.timestamp(ended),
            seconds: ended.timeIntervalSince(started), index: store.url.path, outcome: outcome,
            exitCode: needsAttention ? 2 : 0, files: inbox.files.count, unchanged: unchanged,
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
}
