import Foundation

/// What one reading may spend on OCR in this run, and where the pages it recognises are kept for the next.
///
/// `elo ingest` gives every document one: at most `maxPages` pages recognised and `seconds` of wall-clock time
/// (the pipeline file's `ocr_max_pages` and `ocr_seconds`, cut to what is left of `max_run_minutes`), and
/// the CPU the worker may spend before its per-document limit would kill it. Past any of them the document
/// stays `needs-ocr` with an `extraction.ocr-budget` finding ("continues next run"); the pages recognised so
/// far are in the page cache (`cacheFolder`), so the next run goes on from there.
public struct OCRAllowance: Sendable, Codable, Hashable {
    /// The finding of a document whose OCR stopped at its budget and continues in the next run.
    public static let budgetDiagnosticID = "extraction.ocr-budget"

    /// Pages this reading may send to the recogniser (pages taken from the cache do not count).
    public var maxPages: Int
    /// Wall-clock seconds this reading may spend recognising.
    public var seconds: Double
    /// Whether `seconds` was cut to the run's remaining time (`max_run_minutes`) rather than `ocr_seconds`.
    public var limitedByRun: Bool
    /// The process CPU time (user + system, seconds) at which OCR stops starting pages, so that the worker's
    /// per-document CPU limit (`limits.cpu_seconds`) never kills it; set by the worker, nil: no such stop.
    public var processCPUStop: Double?
    /// Folder of the page cache (`<output>/ocr-pages`); nil: pages are not kept.
    public var cacheFolder: String?

    /// The allowance the run gives a document; the worker sets `processCPUStop` once it knows its own limit.
    public init(maxPages: Int, seconds: Double, limitedByRun: Bool = false, cacheFolder: String? = nil) {
        self.maxPages = maxPages
        self.seconds = seconds
        self.limitedByRun = limitedByRun
        self.cacheFolder = cacheFolder
    }
}
