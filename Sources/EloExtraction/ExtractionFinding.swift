import EloCore

/// The findings the extraction stage reports: one table of stable `extraction.*` ids, severities and messages
/// that say what is wrong and what to do; ``about(_:)`` makes the diagnostic for one file.
enum ExtractionFinding {
    case missingFile
    case notAFile(kind: String)
    case tooLarge(bytes: Int, limit: Int)
    case unreadable(reason: String)
    case encrypted
    case wrongPassword
    case noTextLayer(imagePages: Int, pageCount: Int)
    case imageOnlyPage(page: Int)
    case garbledText(readableShare: Double)
    case pageFailed(page: Int)
    case pageLimit(claimed: Int, read: Int)
    case pageTextCut(page: Int, limit: Int)
    /// The text was cut at `limits.max_text_mb` (``TextBudget``).
    case textLimit(kept: Int, total: Int, limit: Int, lastPage: Int?)
    case damaged(reason: String)
    /// A cross-reference table poppler had to rebuild, in a file it read whole: a note, not damage.
    case crossReferenceRepaired(reason: String)
    case binaryFile
    case encodingAssumed(encoding: String, why: String)
    case invalidUTF8

    /// The finding about the file at `path`: its message begins with the path.
    func about(_ path: String) -> Diagnostic {
        Diagnostic(id: "extraction." + name, severity: severity, message: "\(path): " + message, page: page)
    }

    private var name: String {
        switch self {
        case .missingFile: "missing-file"
        case .notAFile: "not-a-file"
        case .tooLarge: "too-large"
        case .unreadable: "unreadable"
        case .encrypted: "encrypted"
        case .wrongPassword: "wrong-password"
        case .noTextLayer, .imageOnlyPage: "no-text-layer"
        case .garbledText: "garbled-text"
        case .pageFailed: "page-failed"
        case .pageLimit: "page-limit"
        case .pageTextCut: "page-text-cut"
        case .textLimit: "text-limit"
        case .damaged, .invalidUTF8: "damaged"
        case .crossReferenceRepaired: "xref-repaired"
        case .binaryFile: "binary-file"
        case .encodingAssumed: "encoding-assumed"
        }
    }

    private var severity: Diagnostic.Severity {
        switch self {
        case .imageOnlyPage, .pageFailed, .pageLimit, .pageTextCut, .textLimit, .damaged, .invalidUTF8: .warning
        case .crossReferenceRepaired, .encodingAssumed: .info
        default: .error
        }
    }

    private var page: Int? {
        switch self {
        case .imageOnlyPage(let page), .pageFailed(let page), .pageTextCut(let page, _): page
        case .textLimit(_, _, _, let lastPage): lastPage
        default: nil
        }
    }

    private var message: String {
        switch self {
        case .missingFile: "file not found — check the path, or ask the region to send it again"
        case .notAFile(let kind): "is \(kind), not a document file — give the document files themselves"
        case .tooLarge(let bytes, let limit):
            "file is \(bytes) bytes, above the limit of \(limit) — split it or raise the limit"
        case .unreadable(let reason): "cannot be read (\(reason)) — ask the region for a new copy"
        case .encrypted:
            "encrypted PDF, no password given — give it with --password or in the document's sidecar, or ask the "
                + "region for an unprotected copy"
        case .wrongPassword:
            "encrypted PDF, the given password does not open it — check the password, or ask the region for an "
                + "unprotected copy"
        case .noTextLayer(let imagePages, let pageCount):
            (imagePages > 0
                ? "its \(pageCount) page(s) are images with no text layer (a scan)"
                : "its \(pageCount) page(s) hold no text (text drawn as outlines, or blank pages)")
                + " — run it through OCR, or ask the region for a text PDF"
        case .imageOnlyPage(let page):
            "page \(page) is an image with no text layer — its text is missing unless OCR'd"
        case .garbledText(let readableShare):
            "the text layer is garbage (only \(Int((readableShare * 100).rounded()))% letters or digits; broken font "
                + "encoding) — run it through OCR, or ask the region for a new export"
        case .pageFailed(let page): "page \(page) could not be read and was skipped"
        case .pageLimit(let claimed, let read):
            "the PDF claims \(claimed) pages; only the first \(read) were read — check the file, or raise the "
                + "page limit"
        case .pageTextCut(let page, let limit):
            "page \(page) holds more than \(limit) bytes of text; the rest was cut"
        case .textLimit(let kept, let total, let limit, let lastPage):
            Self.textLimit(kept: kept, total: total, limit: limit, lastPage: lastPage)
        case .damaged(let reason):
            "the PDF is damaged (\(reason)); the text recovered may be incomplete — ask the region for a new copy"
        case .crossReferenceRepaired(let reason):
            "cross-reference table repaired (\(reason)); every page and object was found, so nothing was lost — "
                + "no action needed"
        case .binaryFile: "binary data, neither a PDF nor a text file — send it as PDF or plain text"
        case .encodingAssumed(let encoding, let why):
            "read as \(encoding) (\(why)); if letters look wrong, save it as UTF-8"
        case .invalidUTF8:
            "marked as UTF-8 but holds invalid byte sequences; they were replaced with U+FFFD — save the file "
                + "again as UTF-8"
        }
    }

    private static func textLimit(kept: Int, total: Int, limit: Int, lastPage: Int?) -> String {
        func mb(_ bytes: Int) -> String {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return "\(tenths / 10).\(tenths % 10)"
        }
        let limitMB = limit % (1 << 20) == 0 ? "\(limit >> 20)" : mb(limit)
        let page = lastPage.map { " (up to page \($0))" } ?? ""
        return "the text was cut at \(mb(kept)) MB of \(mb(total)) MB\(page): only the first part is read and "
            + "indexed, above the limit of \(limitMB) MB per document — to read all of it, raise `max_text_mb` "
            + "under `limits:` in the pipeline file, or ask the region to split the document"
    }
}
