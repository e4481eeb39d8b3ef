import EloCore

/// The findings of the Word (DOCX/ODT) readers: one table of stable `extraction.word-*` ids, severities and
/// messages that say what is wrong and what to do; ``about(_:)`` makes the diagnostic for one file.
enum WordFinding {
    case corrupt(reason: String)
    case missingBody(part: String)
    case encrypted(format: String)
    case legacyFormat
    case unsupportedPackage(what: String)
    case tooLarge(part: String, limit: Int)
    case damagedXML(part: String, reason: String)
    case empty

    /// The finding about the file at `path`: its message begins with the path.
    func about(_ path: String) -> Diagnostic {
        Diagnostic(id: "extraction.word-" + name, severity: severity, message: "\(path): " + message)
    }

    private var name: String {
        switch self {
        case .corrupt: "corrupt"
        case .missingBody: "missing-body"
        case .encrypted: "encrypted"
        case .legacyFormat: "legacy-format"
        case .unsupportedPackage: "unsupported"
        case .tooLarge: "too-large"
        case .damagedXML: "damaged"
        case .empty: "empty"
        }
    }

    private var severity: Diagnostic.Severity {
        if case .damagedXML = self { .warning } else { .error }
    }

    private var message: String {
        switch self {
        case .corrupt(let reason):
            "damaged Word file (\(reason)) — open and save it again in Word or LibreOffice, or ask the region for "
                + "a new copy"
        case .missingBody(let part):
            "the Word file has no \(part), so it holds no document text — ask the region for a new copy, or a PDF"
        case .encrypted(let format):
            "password-protected \(format) file — elo cannot open encrypted Word files; ask the region for an "
                + "unprotected copy, or a PDF"
        case .legacyFormat:
            "old binary Word (.doc, Word 97–2003) file — save it as .docx or PDF"
        case .unsupportedPackage(let what):
            "a ZIP package but not a text document (\(what)) — send it as .docx, .odt or PDF"
        case .tooLarge(let part, let limit):
            "\(part) unpacks to more than \(limit) bytes — split the document, or ask the region for a PDF"
        case .damagedXML(let part, let reason):
            "\(part) is damaged (\(reason)); only the text before the damage was read — open and save it again, "
                + "or ask the region for a new copy"
        case .empty:
            "the Word file holds no text (perhaps only pictures or scanned pages) — ask the region for a text "
                + "version or a PDF"
        }
    }
}
