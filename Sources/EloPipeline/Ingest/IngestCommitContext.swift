import EloCore
import EloExtraction
import EloIndex
import EloNormalisation
import EloSettings
import Foundation
import Logging

/// What a worker thread needs to turn one worker outcome into a committed document: region, base forms,
/// labels, then one transaction through the index's single writer.
struct CommitContext: Sendable {
    let store: IndexStore
    let runID: Int64
    let catalog: RegionCatalog
    let pipeline: String
    let classifier: PassageClassifierFactory
    let logger: Logger

    /// Per-thread state: Voikko and the classifier are not thread-safe.
    final class Local {
        let baseForms: PassageBaseForms
        let classifier: (any PassageLabelling)?
        let classifierError: String?

        init(classifier factory: PassageClassifierFactory) {
            // One set of Voikko readings for the thread: the classifier and the base forms read the same words.
            let analyses = try? FinnishAnalyses()
            baseForms = PassageBaseForms(analyses: analyses)
            do {
                classifier = try factory(analyses)
                classifierError = nil
            } catch {
                classifier = nil
                classifierError = "\(error)"
            }
        }
    }

    func makeLocal() -> Local { Local(classifier: classifier) }

    /// Commits the reading of `job`, unless it cannot be trusted (`TransientFailure`): then nothing is
    /// committed, the summary lists the file as `not-read`, and the next run reads it again.
    func commitUnlessTransient(
        _ job: IngestSteps.ReadJob, _ outcome: WorkerProcess.Outcome, local: Local
    ) throws -> ([IngestSummary.AttentionItem], CommitOutcome?, Int) {
        if let reason = TransientFailure.reason(job.file, outcome) {
            logger.notice(
                "not read this time",
                metadata: ["path": "\(job.file.relativePath)", "reason": "\(LineSafeName.escape(reason))"])
            return ([TransientFailure.attention(path: job.file.relativePath, reason: reason)], nil, 0)
        }
        return try commit(job, outcome, local: local)
    }

    func commit(
        _ job: IngestSteps.ReadJob, _ outcome: WorkerProcess.Outcome, local: Local
    ) throws -> ([IngestSummary.AttentionItem], CommitOutcome, Int) {
        let file = job.file
        if case .failure(let id, let reason) = outcome {
            logger.info(
                "worker failed", metadata: ["path": "\(file.relativePath)", "id": "\(id)", "reason": "\(reason)"])
        }
        var document = outcome.readDocument(path: file.relativePath, sha256: job.sha256)

        let (region, source) = resolveRegion(file, document: document, local: local)
        var labelSetVersion: String?
        if document.status.isReadable, let classifier = local.classifier {
            document = classifier.classify(document)
            labelSetVersion = classifier.labelSetVersion
        }
        let baseTexts = document.passages.map { local.baseForms.baseText(of: $0) }
        var item = IndexedVersion(
            path: file.relativePath, bytes: file.bytes, mtimeNanoseconds: file.mtimeNanoseconds, region: region,
            regionSource: source, round: file.sidecar?.round, documentType: file.sidecar?.type,
            versionKey: file.versionKey, document: document, baseTexts: baseTexts, labelSetVersion: labelSetVersion,
            readWith: conditions(job, document).stored)
        item.replacesReading = job.replacesReading
        let committed = try store.commit(item, run: runID, at: Date())
        logger.debug("committed", metadata: ["path": "\(file.relativePath)", "outcome": "\(committed.rawValue)"])
        let attention =
            committed == .linked
            ? [] : IngestSummary.attention(for: document, path: file.relativePath, region: region, pipeline: pipeline)
        return (attention, committed, document.pages)
    }

    /// What the reading was done under, and whether its OCR continues next run.
    private func conditions(_ job: IngestSteps.ReadJob, _ document: Document) -> IngestReadConditions {
        var conditions = job.conditions
        conditions.ocrContinues =
            document.status == .needsOCR
            && document.diagnostics.contains { $0.id == OCRAllowance.budgetDiagnosticID }
        return conditions
    }

    /// Folder, then sidecar, then the text, else `unassigned`.
    private func resolveRegion(_ file: InboxFile, document: Document, local: Local) -> (String, String) {
        if let declared = catalog.declaredRegion(of: file) { return declared }
        let baseForms = local.baseForms
        let detector = RegionDetector(catalog: catalog, baseForm: { baseForms.finnishBaseForm($0) })
        if let detected = detector.detect(in: document.passages) { return (detected, "text") }
        return (RegionCatalog.unassigned, "none")
    }
}
