import EloCore
import EloExtraction
import Foundation

/// Reads one submitted file into a normalised `Document` inside a worker process. Never throws for a bad
/// document: what went wrong is in the document's status and diagnostics.
public protocol DocumentReading {
    /// `ocrAllowance`: what OCR may spend on this document, and its page cache (ingest); nil: no budget.
    func read(_ url: URL, password: String?, ocrAllowance: OCRAllowance?, limits: DocumentLimits) -> Document
}

extension DocumentReader: DocumentReading {}

/// The reader a worker process uses: extraction then normalisation (`DocumentReader`).
public enum WorkerReader {
    /// Builds the reader once per worker process. Throws when a system library cannot be loaded.
    public static func make(ocr: OCRSettings = .init(mode: .off)) throws -> any DocumentReading {
        try DocumentReader(ocr: ocr)
    }

    /// Whether this build reads PDFs.
    public static let hasExtractor = true
}
