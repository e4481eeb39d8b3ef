import EloCore
import Foundation

/// The extraction stage: one submitted file (PDF, Word .docx/.odt, or plain text) in, its raw page texts out.
///
/// Never throws for a bad document: a missing, unreadable, encrypted, damaged or image-only file comes
/// back with a status and `extraction.*` diagnostics naming the file and what to do. PDFs are recognised
/// by their `%PDF` header (or a `.pdf` name); everything else is read as text. Safe to call from several
/// threads at once: each call opens its own poppler document.
public struct DocumentExtractor: Sendable {
    public var limits: ExtractionLimits
    /// OCR of scanned PDFs; off unless the pipeline turns it on (`ocr: auto | off | force`).
    public var ocr: OCRSettings

    public init(limits: ExtractionLimits = .init(), ocr: OCRSettings = .init(mode: .off)) {
        self.limits = limits
        self.ocr = ocr
    }

    /// Extracts `url`. `password` opens encrypted PDFs (tried as user and owner password); nil tries none.
    /// `ocrAllowance` bounds OCR and keeps its pages between runs (ingest); nil: `ocr.documentTimeout` only.
    /// The text is kept within `limits.maxTextBytes` (``TextBudget``).
    public func run(url: URL, password: String?, ocrAllowance: OCRAllowance? = nil) -> ExtractedText {
        let file: DocumentFile
        switch DocumentFile.read(url, limits: limits) {
        case .success(let read):
            file = read
        case .failure(let failure):
            let diagnostic =
                if case .fileRefused(let refusal) = failure { refusal } else {
                    ExtractionFinding.unreadable(reason: failure.description).about(url.path)
                }
            return ExtractedText(
                path: url.path, sha256: "", byteCount: 0,
                method: url.pathExtension.lowercased() == "pdf" ? .textLayer : .plainText, diagnostics: [diagnostic])
        }
        if !file.isNamedPDF, WordExtractor.claims(file.bytes) {
            // A ZIP/OLE file that is not readable as Word, and not named as one, is just binary data.
            let word = WordExtractor().run(path: file.path, bytes: file.bytes, sha256: file.sha256)
            if word.status != .failed || WordExtractor.isNamedWord(file.path) { return budgeted(word) }
        }
        if file.looksLikePDF || file.isNamedPDF {
            let text = PDFTextExtractor(limits: limits).run(file, password: password)
            return budgeted(
                OCRExtractor(settings: ocr).run(text, bytes: file.bytes, password: password, allowance: ocrAllowance))
        }
        return PlainTextExtractor(budget: TextBudget(limit: limits.maxTextBytes)).run(file)
    }

    /// PDF and Word text cut to `limits.maxTextBytes` (plain text is cut before it is split into lines).
    private func budgeted(_ extracted: ExtractedText) -> ExtractedText {
        var result = extracted
        TextBudget(limit: limits.maxTextBytes).apply(to: &result)
        return result
    }
}
