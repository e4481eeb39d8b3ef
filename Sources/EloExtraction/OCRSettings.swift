import Foundation

/// How and when scanned pages are recognised, from the pipeline file (`ocr:` section).
public struct OCRSettings: Sendable, Hashable, Codable {
    /// When OCR runs.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Only documents with no usable text layer (`needs-ocr`) and image-only pages of text documents.
        case auto
        /// Never: scanned documents stay `needs-ocr`.
        case off
        /// Every page of every PDF, replacing the text layer.
        case force
    }

    public var mode: Mode
    /// Tesseract language codes joined with `+` (`fin+swe`).
    public var languages: String
    /// Rendering resolution for recognition.
    public var dpi: Double
    /// Wall-clock limit for recognising one page; a page over it is skipped with a diagnostic.
    public var pageTimeout: Double
    /// Wall-clock limit for one document; pages not reached by then are skipped.
    public var documentTimeout: Double
    /// The `tesseract` executable; nil looks it up on `PATH`.
    public var tesseractPath: String?
    /// Threads one Tesseract process may use (`OMP_THREAD_LIMIT`); 1 suits parallel workers.
    public var threadsPerPage: Int

    public init(
        mode: Mode = .auto, languages: String = "fin+swe", dpi: Double = 300, pageTimeout: Double = 120,
        documentTimeout: Double = 1800, tesseractPath: String? = nil, threadsPerPage: Int = 1
    ) {
        self.mode = mode
        self.languages = languages
        self.dpi = dpi
        self.pageTimeout = pageTimeout
        self.documentTimeout = documentTimeout
        self.tesseractPath = tesseractPath
        self.threadsPerPage = threadsPerPage
    }
}
