import EloCore

/// Why one step of reading a document failed, inside EloExtraction: the one error type of the module. It never
/// leaves it — each case becomes a diagnostic on the document (`extraction.*`, `word.*`, `ocr.*`), which names
/// the file, what was wrong and what to do; `description` is the short reason those diagnostics quote.
enum ExtractionFailure: Error, Equatable, CustomStringConvertible {
    // Reading the file (DocumentFile)
    /// A folder, device, missing, unreadable or too large file: the diagnostic says which.
    case fileRefused(Diagnostic)

    // Opening a PDF with poppler (PopplerDocumentHandle)
    /// The PDF is encrypted and the password (if any) does not open it.
    case pdfEncrypted
    /// poppler cannot open the PDF; poppler's message.
    case pdfUnreadable(String)

    // Unpacking a DOCX/ODT package (WordPackage)
    /// The ZIP structure cannot be read, or lists no entries.
    case notAZip(String)
    /// A part unpacks to more than the limit.
    case partTooLarge(part: String)
    /// A part cannot be unpacked.
    case partUnreadable(part: String, reason: String)

    // Rendering pages for OCR (PageRenderer)
    case renderCannotOpen(String)
    case pageCannotRender(page: Int)
    case cannotWrite(String)

    // Recognising pages with Tesseract (OCRTesseract, OCRPageRecognising)
    /// No `tesseract` executable on the PATH (or at the configured path).
    case tesseractNotInstalled
    /// Languages asked for that `tesseract --list-langs` does not list.
    case tesseractLanguagesMissing([String])
    /// The page took longer than it was given and was stopped.
    case ocrTimedOut
    /// Tesseract could not be started, failed, or wrote nothing; the reason.
    case ocrFailed(String)

    var description: String {
        switch self {
        case .fileRefused(let diagnostic): diagnostic.message
        case .pdfEncrypted: "encrypted PDF"
        case .pdfUnreadable(let reason): reason
        case .notAZip(let reason): reason
        case .partTooLarge(let part): "\(part) unpacks to more than the limit"
        case .partUnreadable(let part, let reason): "\(part) cannot be unpacked: \(reason)"
        case .renderCannotOpen(let reason): "poppler cannot open the PDF for rendering: \(reason)"
        case .pageCannotRender(let page): "page \(page) cannot be rendered"
        case .cannotWrite(let path): "cannot write \(path)"
        case .tesseractNotInstalled: "tesseract is not installed"
        case .tesseractLanguagesMissing(let languages): "tesseract has no data for \(languages.joined(separator: ", "))"
        case .ocrTimedOut: "timed out"
        case .ocrFailed(let reason): reason
        }
    }
}
