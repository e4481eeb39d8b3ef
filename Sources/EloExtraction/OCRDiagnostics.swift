import EloCore

/// The findings of the OCR fallback, each with a stable `extraction.ocr-*` id.
enum OCRDiagnostics {
    static func unavailable(_ path: String, languages: String, missing: [String]?) -> Diagnostic {
        let packages = (missing ?? languages.split(separator: "+").map(String.init)).map { "tesseract-ocr-\($0)" }
        let what =
            missing == nil
            ? "Tesseract is not installed" : "Tesseract lacks language data for \(missing!.joined(separator: ", "))"
        let install = (missing == nil ? ["tesseract-ocr"] : []) + packages
        return Diagnostic(
            id: "extraction.ocr-unavailable", severity: .error,
            message: "\(path): needs OCR, but \(what) — install it with "
                + "`apt-get install \(install.joined(separator: " "))` (or `make run`, which installs "
                + "what is missing), or set `ocr: off` to leave scans as needs-ocr")
    }

    static func used(_ path: String, pages: Int, confidence: Double?) -> Diagnostic {
        let percent = confidence.map { " (mean confidence \(Int(($0 * 100).rounded()))%)" } ?? ""
        return Diagnostic(
            id: "extraction.ocr", severity: .info,
            message: "\(path): text of \(pages) page(s) recognised by OCR\(percent) — check quotes "
                + "against the original")
    }

    static func pageTimedOut(_ path: String, page: Int, seconds: Double) -> Diagnostic {
        Diagnostic(
            id: "extraction.ocr-timeout", severity: .warning,
            message: "\(path): OCR of page \(page) took over \(Int(seconds)) s and was stopped; the page's "
                + "text is missing — raise ocr.page-timeout or ask the region for a text PDF", page: page)
    }

    static func documentTimedOut(_ path: String, skipped: Int, seconds: Double) -> Diagnostic {
        Diagnostic(
            id: "extraction.ocr-timeout", severity: .warning,
            message: "\(path): OCR stopped after \(Int(seconds)) s; \(skipped) page(s) were not recognised — "
                + "raise ocr.document-timeout or ask the region for a text PDF")
    }

    static func pageFailed(_ path: String, page: Int, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.ocr-failed", severity: .warning,
            message: "\(path): OCR of page \(page) failed (\(reason)); its text is missing", page: page)
    }

    static func lowConfidence(_ path: String, confidence: Double) -> Diagnostic {
        Diagnostic(
            id: "extraction.ocr-low-confidence", severity: .warning,
            message: "\(path): OCR confidence is only \(Int((confidence * 100).rounded()))% — the scan may be "
                + "poor; ask the region for a text PDF or a better scan")
    }

    /// The allowance ran out: the document waits as needs-ocr and goes on next run from the cached pages.
    static func budgetSpent(_ path: String, done: Int, of total: Int, stop: OCRBudgetStop, allowance: OCRAllowance)
        -> Diagnostic
    {
        let spent =
            switch stop {
            case .pages: "ocr_max_pages: \(allowance.maxPages) pages per document and run"
            case .seconds: "ocr_seconds: \(Int(allowance.seconds.rounded())) s per document and run"
            case .runMinutes: "max_run_minutes: the run's time is up"
            case .cpuSeconds: "limits.cpu_seconds: the document's CPU time is nearly used"
            }
        return Diagnostic(
            id: OCRAllowance.budgetDiagnosticID, severity: .warning,
            message: "\(path): OCR has recognised \(done) of \(total) pages; it stopped at this run's budget "
                + "(\(spent)) and continues next run — nothing to do: the pages recognised are kept; to "
                + "finish sooner raise \(stop.rawValue) in the pipeline file")
    }
}
