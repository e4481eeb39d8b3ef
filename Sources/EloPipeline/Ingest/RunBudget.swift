import EloExtraction
import Foundation

/// The time one ingest run may take (`max_run_minutes`) and what OCR may spend per document (`ocr_max_pages`,
/// `ocr_seconds`): past its end no new document starts, and a document's OCR seconds never reach beyond it,
/// so the run commits what it read and writes its reports on time.
struct RunBudget: Sendable {
    /// When the run stops starting documents.
    let end: Date
    let ocrMaxPages: Int
    let ocrSeconds: Double
    /// The page cache (`<output>/ocr-pages`).
    let cacheFolder: URL
    /// The clock; the tests of the budget pass their own.
    var now: @Sendable () -> Date = { Date() }

    init(settings: IngestSettings, started: Date) {
        end = started.addingTimeInterval(settings.maxRunMinutes * 60)
        ocrMaxPages = settings.ocrMaxPages
        ocrSeconds = settings.ocrSeconds
        cacheFolder = settings.output.appendingPathComponent(OCRPageCache.folderName)
    }

    /// Whether the run's time is up (with `max_run_minutes: 0`, from the start).
    var isUp: Bool { now() >= end }

    /// What OCR may spend on a document that starts now.
    func ocrAllowance() -> OCRAllowance {
        let left = max(0, end.timeIntervalSince(now()))
        return OCRAllowance(
            maxPages: ocrMaxPages, seconds: min(ocrSeconds, left), limitedByRun: left < ocrSeconds,
            cacheFolder: cacheFolder.path)
    }
}
