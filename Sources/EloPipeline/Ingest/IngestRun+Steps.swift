import EloExtraction
import EloIndex
import EloSettings
import Foundation

/// The steps of `IngestRun.run` before and around the index's part.
extension IngestRun {
    var indexFile: URL { settings.output.appendingPathComponent(Self.indexFileName) }

    /// Step 1: inbox and output apart, the files `--retry` names, a writable output folder, a usable inbox;
    /// returns the inbox-relative paths to read again.
    func checkSetUp() throws(PipelineFailure) -> Set<String> {
        let retryPaths: Set<String>
        do {
            try settings.checkInboxAndOutputApart()
            retryPaths = try settings.retryPaths()
        } catch { throw PipelineFailure(error.description) }
        try checkOutputFolder()
        try InboxCheck.verify(
            settings.inbox, pipelineFile: settings.pipelineFile.path, allowEmpty: settings.allowWithdraw)
        return retryPaths
    }

    /// OCR folders of readers killed mid-page (a kill, a timeout) are removed before any new reading.
    func sweepOCRFolders() {
        let swept = OCRTemporaryFolder.sweepStale()
        if !swept.isEmpty { logger.info("removed stale OCR temporary folders", metadata: ["count": "\(swept.count)"]) }
    }

    func loadRegions() throws(PipelineFailure) -> RegionCatalog {
        do { return try RegionCatalog.load(folder: settings.regions) } catch {
            throw PipelineFailure(error.description)
        }
    }

    /// Stops when more than `withdraw_limit` of a region's or the index's documents would be withdrawn
    /// (unless `--allow-withdraw`).
    func guardWithdrawals(store: IndexStore, inbox: InboxScanner.Result) throws {
        guard !settings.allowWithdraw else { return }
        let guardrail = WithdrawalGuard(
            limit: settings.withdrawLimit, pipelineFile: settings.pipelineFile.path, inbox: settings.inbox,
            threads: settings.workers)
        try guardrail.check(try store.currentDocuments(), inboxFiles: inbox.files)
    }

    /// `body`, its SQLite errors said in plain words (`IndexProblem`), anything else as "the run broke".
    func explainingIndexProblems<T>(_ body: () throws -> T) throws(PipelineFailure) -> T {
        do {
            return try body()
        } catch let failure as PipelineFailure {
            throw failure
        } catch let problem as IndexProblem {
            throw PipelineFailure(problem.description)
        } catch {
            if let problem = IndexProblem.explaining(error, file: indexFile) as? IndexProblem, problem.kind != .unusable
            {
                throw PipelineFailure(problem.description)
            }
            throw PipelineFailure("the run broke: \(error)")
        }
    }
}
