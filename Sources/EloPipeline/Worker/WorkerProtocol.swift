import EloCore
import EloExtraction
import Foundation

/// One line of the conversation between `elo ingest` and a long-lived `elo _worker --serve` child.
///
/// The parent writes one `WorkerRequest` as a JSON line on the worker's standard input per document; the worker
/// answers with one `WorkerResponse` JSON line on its standard output. JSON escapes newlines inside strings, so
/// a line is always one whole message. The password travels in the request, never on a command line or in the
/// environment.
public struct WorkerRequest: Sendable, Codable, Hashable {
    public var path: String
    public var password: String?
    public var settings: Settings

    /// Per-document settings the worker applies before reading.
    public struct Settings: Sendable, Codable, Hashable {
        /// CPU seconds this document may use (the worker moves its RLIMIT_CPU soft limit to now + this).
        public var cpuSeconds: Int
        /// OCR of image-only pages (the pipeline's `ocr:`); nil: off.
        public var ocr: OCRSettings?
        /// What OCR may spend on this document in this run, and the page cache; nil: no budget, no cache.
        public var ocrAllowance: OCRAllowance?
        /// Text and passages kept from the document; nil: the defaults.
        public var limits: DocumentLimits?

        public init(
            cpuSeconds: Int, ocr: OCRSettings? = nil, ocrAllowance: OCRAllowance? = nil, limits: DocumentLimits? = nil
        ) {
            self.cpuSeconds = cpuSeconds
            self.ocr = ocr
            self.ocrAllowance = ocrAllowance
            self.limits = limits
        }
    }
}

/// The worker's answer to one `WorkerRequest`.
public struct WorkerResponse: Sendable, Codable {
    public var document: Document
    /// CPU seconds the worker used on this document (user + system).
    public var cpuSeconds: Double
    /// Peak resident memory of the worker process so far, in MiB.
    public var peakMemoryMB: Double
}
