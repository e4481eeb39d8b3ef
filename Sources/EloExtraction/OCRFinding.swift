import EloCore

/// The findings of the OCR fallback: one table of stable `extraction.ocr-*` ids, severities and messages;
/// ``about(_:)`` makes the diagnostic for one file.
enum OCRFinding {
    case unavailable(languages: String, missing: [String]?)
    case used(pages: Int, confidence: Double?)
    case pageTimedOut(page: Int, seconds: Double)
    case documentTimedOut(skipped: Int, seconds: Double)
    case pageFailed(page: Int, reason: String)
    case lowConfidence(confidence: Double)
    /// The allowance ran out: the document waits as needs-ocr and goes on next run from the cached pages.
    case budgetSpent(done: Int, of: Int, stop: OCRBudgetStop, allowance: OCRAllowance)

    /// The finding about the file at `path`: its message begins with the path.
    func about(_ path: String) -> Diagnostic {
        Diagnostic(id: id, severity: severity, message: "\(path): " + message, page: page)
    }

    private var id: String {
        switch self {
        case .unavailable: "extraction.ocr-unavailable"
        case .used: "extraction.ocr"
        case .pageTimedOut, .documentTimedOut: "extraction.ocr-timeout"
        case .pageFailed: "extraction.ocr-failed"
        case .lowConfidence: "extraction.ocr-low-confidence"
        case .budgetSpent: OCRAllowance.budgetDiagnosticID
        }
    }

    private var severity: Diagnostic.Severity {
        switch self {
        case .unavailable: .error
        case .used: .info
        default: .warning
        }
    }

    private var page: Int? {
        switch self {
        case .pageTimedOut(let page, _), .pageFailed(let page, _): page
        default: nil
        }
    }

    private var message: String {
        switch self {
        case .unavailable(let languages, let missing): Self.unavailable(languages: languages, missing: missing)
        case .used(let pages, let confidence):
            "text of \(pages) page(s) recognised by OCR"
                + (confidence.map { " (mean confidence \(Self.percent($0))%)" } ?? "")
                + " — check quotes against the original"
        case .pageTimedOut(let page, let seconds):
            "OCR of page \(page) took over \(Int(seconds)) s and was stopped; the page's text is missing — raise "
                + "ocr.page-timeout or ask the region for a text PDF"
        case .documentTimedOut(let skipped, let seconds):
            "OCR stopped after \(Int(seconds)) s; \(skipped) page(s) were not recognised — raise "
                + "ocr.document-timeout or ask the region for a text PDF"
        case .pageFailed(let page, let reason): "OCR of page \(page) failed (\(reason)); its text is missing"
        case .lowConfidence(let confidence):
            "OCR confidence is only \(Self.percent(confidence))% — the scan may be poor; ask the region for a "
                + "text PDF or a better scan"
        case .budgetSpent(let done, let total, let stop, let allowance):
            "OCR has recognised \(done) of \(total) pages; it stopped at this run's budget "
                + "(\(Self.spent(stop, allowance))) and continues next run — nothing to do: the pages recognised "
                + "are kept; to finish sooner raise \(stop.rawValue) in the pipeline file"
        }
    }

    private static func percent(_ share: Double) -> Int { Int((share * 100).rounded()) }

    private static func unavailable(languages: String, missing: [String]?) -> String {
        let packages = (missing ?? languages.split(separator: "+").map(String.init)).map { "tesseract-ocr-\($0)" }
        let what =
            missing.map { "Tesseract lacks language data for \($0.joined(separator: ", "))" }
            ?? "Tesseract is not installed"
        let install = (missing == nil ? ["tesseract-ocr"] : []) + packages
        return "needs OCR, but \(what) — install it with `apt-get install \(install.joined(separator: " "))` "
            + "(or `make run`, which installs what is missing), or set `ocr: off` to leave scans as needs-ocr"
    }

    private static func spent(_ stop: OCRBudgetStop, _ allowance: OCRAllowance) -> String {
        switch stop {
        case .pages: "ocr_max_pages: \(allowance.maxPages) pages per document and run"
        case .seconds: "ocr_seconds: \(Int(allowance.seconds.rounded())) s per document and run"
        case .runMinutes: "max_run_minutes: the run's time is up"
        case .cpuSeconds: "limits.cpu_seconds: the document's CPU time is nearly used"
        }
    }
}
