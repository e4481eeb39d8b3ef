import EloCore
import EloExtraction
import EloNormalisation
import Foundation

/// Reads one submitted file into a normalised `Document`: extraction, then normalisation.
///
/// Owns a Voikko handle through its normaliser, so it is not thread-safe: use one reader per worker.
public final class DocumentReader {
    private var extractor: DocumentExtractor
    private let normaliser: DocumentNormaliser

    /// Fails only when a system library (Voikko's Finnish dictionary, ICU) cannot be loaded.
    public init(limits: ExtractionLimits = .init(), ocr: OCRSettings = .init(mode: .off)) throws {
        extractor = DocumentExtractor(limits: limits, ocr: ocr)
        normaliser = try DocumentNormaliser()
    }

    /// Never throws for a bad document: what went wrong is in the document's diagnostics and status. The text
    /// and the passages are kept within `limits` (beyond them the document is `partial`, and says so).
    public func read(
        _ url: URL, password: String? = nil, ocrAllowance: OCRAllowance? = nil, limits: DocumentLimits = .init()
    ) -> Document {
        extractor.limits.maxTextBytes = limits.maxTextBytes
        return normaliser.run(
            extractor.run(url: url, password: password, ocrAllowance: ocrAllowance), limits: limits.passages)
    }
}
