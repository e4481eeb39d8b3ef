import EloCore
import EloExtraction
import EloIndex
import Foundation

extension IngestSteps {
    /// The attention lines for files the run did not start because its time (`max_run_minutes`) was up.
    func notStarted(_ jobs: [ReadJob]) -> [IngestSummary.AttentionItem] {
        guard !jobs.isEmpty else { return [] }
        let minutes = run.settings.maxRunMinutes
        let written = minutes == minutes.rounded() ? String(Int(minutes)) : String(minutes)
        run.logger.notice(
            "the run's time is up: \(jobs.count) file(s) left for the next run",
            metadata: ["max_run_minutes": "\(written)"])
        return jobs.map { job in
            IngestSummary.AttentionItem(
                path: job.file.relativePath, problem: "not-read",
                reason: "not started: the run's time was up (max_run_minutes: \(written))",
                action:
                    "nothing to do: the next run reads it; if this repeats every night, raise `max_run_minutes` in \(run.settings.pipelineFile.path)"
            )
        }
    }

    /// Removes the cached OCR pages of documents whose reading is finished (stored, and not waiting for OCR to
    /// continue: a scan in which OCR found no text stays needs-ocr, but is not read again); those whose OCR
    /// continues keep theirs for the next run, and so does content not yet committed (a killed run).
    func sweepOCRPageCache() {
        let root = run.settings.output.appendingPathComponent(OCRPageCache.folderName)
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        let removed = OCRPageCache.removeFinished(in: root) { sha256 in
            guard let stored = try? store.reading(ofContent: sha256) else { return false }
            return stored.status != .needsOCR || IngestReadConditions(stored: stored.readWith)?.ocrContinues != true
        }
        if removed > 0 {
            run.logger.info("removed the OCR pages of finished documents", metadata: ["documents": "\(removed)"])
        }
    }
}
