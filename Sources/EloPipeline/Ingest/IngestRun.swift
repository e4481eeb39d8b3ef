import EloCore
import EloExtraction
import EloIndex
import EloNormalisation
import EloSettings
import Foundation
import Logging
import Synchronization

/// `elo ingest`: one incremental, crash-safe pass over the inbox into the index. The steps, in order:
///
/// 1. check that inbox and output are apart, the output folder and the inbox (missing, not a folder, unreadable
///    or empty: stop) — a bad set-up stops here, before the index is touched
/// 2. take the run lock; remove OCR temporary folders whose process is gone
/// 3. open and migrate the index; scan the inbox; stop if more than `withdraw_limit` of a region's or the
///    index's documents would be withdrawn (`WithdrawalGuard`, unless `--allow-withdraw`); start a run
/// 4. skip files whose path, size and modification time are unchanged, without reading them
/// 5. hash changed files; record renamed or duplicated content without reading it
/// 6. read new content in long-lived worker processes (in parallel; versions of one document oldest first),
///    find its region, classify it, commit it; give unassigned documents a region their folder or sidecar now names
/// 7. mark files gone from the inbox as removed and their documents as withdrawn
/// 8. re-classify stored passages whose label definitions changed; drop the OCR pages of finished documents
/// 9. list documents earlier runs found that still need attention (exit 2 while any remain)
/// 10. finish the run, write its summary to `runs/` in the output folder and delete those beyond `keep_runs`
public struct IngestRun: Sendable {
    public var settings: IngestSettings
    /// The elo binary whose hidden `_worker` subcommand reads one file.
    public var workerExecutable: URL
    public var workerEnvironment: [String: String]
    public var classifier: PassageClassifierFactory
    /// The fingerprint of the label definitions `classifier` labels with (``IngestLabeller/fingerprint(_:)``), when
    /// known: a run then sees that no stored passage needs re-classifying without building a classifier (Voikko,
    /// cue matchers, the compiled model) for nothing. `nil`: a classifier is built to ask.
    public var labelSetVersion: String?
    /// Wait for another run to finish instead of failing with `.locked`.
    public var waitForLock: Bool
    public var logger: Logger
    /// Called with each file just before a worker is given it: a seam for tests (a file that vanishes or
    /// changes while it is read); the `elo` command leaves it empty.
    public var beforeReading: @Sendable (InboxFile) -> Void = { _ in }
    /// Asked to stop (SIGTERM, SIGINT): the run ends early as `interrupted` (`StopRequest`).
    public var stop = StopRequest()

    public init(
        settings: IngestSettings, workerExecutable: URL, workerEnvironment: [String: String] = [:],
        classifier: @escaping PassageClassifierFactory = { _ in nil }, waitForLock: Bool = false,
        logger: Logger = Logger(label: "elo.ingest")
    ) {
        self.settings = settings
        self.workerExecutable = workerExecutable
        self.workerEnvironment = workerEnvironment
        self.classifier = classifier
        self.waitForLock = waitForLock
        self.logger = logger
    }

    /// The file name of the index inside the output folder.
    public static let indexFileName = "index.sqlite"
    /// The run lock inside the output folder; `elo rebuild-search` takes it too.
    public static let lockFileName = ".elo-ingest.lock"

    /// Runs the steps; `progress(done, total, path)` is called from worker threads as documents finish.
    public func run(progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) throws(PipelineFailure)
        -> IngestSummary
    {
        let started = Date()
        let retryPaths = try checkSetUp()  // step 1
        let lock = try RunLock(url: settings.output.appendingPathComponent(Self.lockFileName), wait: waitForLock)
        defer { lock.release() }  // step 2
        if let stale = lock.takenOverFrom {
            logger.notice("took over the lock left by process \(stale), which is gone")
        }
        sweepOCRFolders()
        let catalog = try loadRegions()
        return try explainingIndexProblems {  // steps 3–10
            // An unrelated database, a newer or damaged index, an empty file: refused before anything is written.
            let store = try IndexStore(url: indexFile, checkHealth: true)
            let inbox = try InboxScanner(inbox: settings.inbox, regionIDs: Set(catalog.regions.map(\.id))).scan()
            try guardWithdrawals(store: store, inbox: inbox)
            let runID = try store.beginRun(pid: getpid(), pipeline: settings.pipelineFile.path, startedAt: started)
            var steps = IngestSteps(run: self, store: store, runID: runID, catalog: catalog, inbox: inbox)
            steps.retryPaths = retryPaths
            let summary = try steps.perform(started: started, progress: progress)
            try RunSummaryArchive(
                folder: settings.output.appendingPathComponent("runs"), keep: settings.keepRuns, logger: logger
            )
            .store(summary)
            return summary
        }
    }

    func checkOutputFolder() throws(PipelineFailure) {
        let output = settings.output
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let probe = output.appendingPathComponent(".elo-write-test-\(getpid())")
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw PipelineFailure(
                "the output folder \(output.path) is not writable (\(error.localizedDescription)) — nothing was changed; "
                    + (PermissionAdvice.isPermissionProblem(error)
                        ? "\(PermissionAdvice.fix(for: output.path, write: true)); or " : "")
                    + "fix `output:` in \(settings.pipelineFile.path) or pass --output")
        }
    }
}
