import EloCore

/// The findings of the Word (DOCX/ODT) readers, each with a stable `extraction.word-*` id and a message that
/// names the file, what is wrong and what to do.
enum WordDiagnostics {
    static func corrupt(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-corrupt", severity: .error,
            message: "\(path): damaged Word file (\(reason)) — open and save it again in Word or "
                + "LibreOffice, or ask the region for a new copy")
    }

    static func missingBody(_ path: String, part: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-missing-body", severity: .error,
            message: "\(path): the Word file has no \(part), so it holds no document text — "
                + "ask the region for a new copy, or a PDF")
    }

    static func encrypted(_ path: String, format: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-encrypted", severity: .error,
            message: "\(path): password-protected \(format) file — elo cannot open encrypted Word files; "
                + "ask the region for an unprotected copy, or a PDF")
    }

    static func legacyFormat(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-legacy-format", severity: .error,
            message: "\(path): old binary Word (.doc, Word 97–2003) file — save it as .docx or PDF")
    }

    static func unsupportedPackage(_ path: String, what: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-unsupported", severity: .error,
            message: "\(path): a ZIP package but not a text document (\(what)) — send it as .docx, .odt "
                + "or PDF")
    }

    static func tooLarge(_ path: String, part: String, limit: Int) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-too-large", severity: .error,
            message: "\(path): \(part) unpacks to more than \(limit) bytes — split the document, or ask "
                + "the region for a PDF")
    }

    static func damagedXML(_ path: String, part: String, reason: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-damaged", severity: .warning,
            message: "\(path): \(part) is damaged (\(reason)); only the text before the damage was read — "
                + "open and save it again, or ask the region for a new copy")
    }

    static func empty(_ path: String) -> Diagnostic {
        Diagnostic(
            id: "extraction.word-empty", severity: .error,
            message: "\(path): the Word file holds no text (perhaps only pictures or scanned pages) — "
                + "ask the region for a text version or a PDF")
    }
}
