import EloCore
import Foundation

/// The extraction stage: one submitted file (PDF or plain text) in, its raw page texts out.
///
/// Never throws for a bad document: a missing, unreadable, encrypted, damaged or image-only file comes
/// back with a status and `extraction.*` diagnostics naming the file and what to do. PDFs are recognised
/// by their `%PDF` header (or a `.pdf` name); everything else is read as text. Safe to call from several
/// threads at once: each call opens its own poppler document.
public struct DocumentExtractor: Sendable {
    public var limits: ExtractionLimits

    public init(limits: ExtractionLimits = .init()) {
        self.limits = limits
    }

    /// Extracts `url`. `password` opens encrypted PDFs (tried as user and owner password); nil tries none.
    public func run(url: URL, password: String?) -> ExtractedText {
        let file: DocumentFile
        switch DocumentFile.read(url, limits: limits) {
        case .success(let read):
            file = read
        case .failure(.problem(let diagnostic)):
            return ExtractedText(path: url.path, sha256: "", byteCount: 0, pageCount: 0, status: .failed,
                                 method: url.pathExtension.lowercased() == "pdf" ? .textLayer : .plainText,
                                 pages: [], diagnostics: [diagnostic])
        }
        if file.looksLikePDF || file.isNamedPDF {
            return PDFTextExtractor(limits: limits).run(file, password: password)
        }
        return PlainTextExtractor().run(file)
    }
}
