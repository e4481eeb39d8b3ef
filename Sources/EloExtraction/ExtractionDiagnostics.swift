import EloCore

/// The findings the extraction stage reports, each with its stable id and a message that names the file,
/// what is wrong and what to do.
enum ExtractionDiagnostics {
    static func missingFile(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.missing-file", severity: .error,
            message: "\(path): file not found — check the path, or ask the region to send it again")
    }

    static func notAFile(_ path: String, kind: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.not-a-file", severity: .error,
            message: "\(path): is \(kind), not a document file — give the document files themselves")
    }

    static func tooLarge(_ path: String, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.too-large", severity: .error,
            message: "\(path): file is \(bytes) bytes, above the limit of \(limit) — split it or raise the limit")
    }

    static func unreadable(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.unreadable", severity: .error,
            message: "\(path): cannot be read (\(reason)) — ask the region for a new copy")
    }

    static func encrypted(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.encrypted", severity: .error,
            message: "\(path): encrypted PDF, no password given — give it with --password or in the "
                + "document's sidecar, or ask the region for an unprotected copy")
    }

    static func wrongPassword(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.wrong-password", severity: .error,
            message: "\(path): encrypted PDF, the given password does not open it — check the password, "
                + "or ask the region for an unprotected copy")
    }

    static func noTextLayer(_ path: String, imagePages: Int, pageCount: Int) -> Diagnostic {
        let what =
            imagePages > 0
            ? "its \(pageCount) page(s) are images with no text layer (a scan)"
            : "its \(pageCount) page(s) hold no text (text drawn as outlines, or blank pages)"
        return Diagnostic(
            id: "extraction.no-text-layer", severity: .error,
            message: "\(path): \(what) — run it through OCR, or ask the region for a text PDF")
    }

    static func imageOnlyPage(_ path: String, page: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.no-text-layer", severity: .warning,
            message: "\(path): page \(page) is an image with no text layer — its text is missing unless OCR'd",
            page: page)
    }

    static func garbledText(_ path: String, letterShare: Double) -> Diagnostic {
        let percent = Int((letterShare * 100).rounded())
        return Diagnostic(
            id: "extraction.garbled-text", severity: .error,
            message: "\(path): the text layer is garbage (only \(percent)% letters; broken font "
                + "encoding) — run it through OCR, or ask the region for a new export")
    }

    static func pageFailed(_ path: String, page: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.page-failed", severity: .warning,
            message: "\(path): page \(page) could not be read and was skipped", page: page)
    }

    static func pageLimit(_ path: String, claimed: Int, read: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.page-limit", severity: .warning,
            message: "\(path): the PDF claims \(claimed) pages; only the first \(read) were read — "
                + "check the file, or raise the page limit")
    }

    static func pageTextCut(_ path: String, page: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.page-text-cut", severity: .warning,
            message: "\(path): page \(page) holds more than \(limit) bytes of text; the rest was cut",
            page: page)
    }

    /// The text was cut at `limits.max_text_mb` (``TextBudget``).
    static func textLimit(_ path: String, kept: Int, total: Int, limit: Int, lastPage: Int?) -> Diagnostic {
        func mb(_ bytes: Int) -> String {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return "\(tenths / 10).\(tenths % 10)"
        }
        let limitMB = limit % (1 << 20) == 0 ? "\(limit >> 20)" : mb(limit)
        let page = lastPage.map { " (up to page \($0))" } ?? ""
        return Diagnostic(
            id: "extraction.text-limit", severity: .warning,
            message: "\(path): the text was cut at \(mb(kept)) MB of \(mb(total)) MB\(page): only the first part is "
                + "read and indexed, above the limit of \(limitMB) MB per document — to read all of it, raise "
                + "`max_text_mb` under `limits:` in the pipeline file, or ask the region to split the document",
            page: lastPage)
    }

    static func damaged(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.damaged", severity: .warning,
            message: "\(path): the PDF is damaged (\(reason)); the text recovered may be incomplete — "
                + "ask the region for a new copy")
    }

    /// A cross-reference table poppler had to rebuild, in a file it read whole: a note, not damage.
    static func crossReferenceRepaired(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.xref-repaired", severity: .info,
            message: "\(path): cross-reference table repaired (\(reason)); every page and object was found, "
                + "so nothing was lost — no action needed")
    }

    static func binaryFile(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.binary-file", severity: .error,
            message: "\(path): binary data, neither a PDF nor a text file — send it as PDF or plain text")
    }

    static func encodingAssumed(_ path: String, encoding: String, why: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.encoding-assumed", severity: .info,
            message: "\(path): read as \(encoding) (\(why)); if letters look wrong, save it as UTF-8")
    }

    static func invalidUTF8(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.damaged", severity: .warning,
            message: "\(path): marked as UTF-8 but holds invalid byte sequences; they were replaced "
                + "with U+FFFD — save the file again as UTF-8")
    }
}
