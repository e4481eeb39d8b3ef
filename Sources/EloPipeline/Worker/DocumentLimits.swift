import EloExtraction
import EloNormalisation

/// How much of one document is read, handed to the ingest process and indexed (the pipeline file's
/// `limits.max_text_mb` and `limits.max_passages`). The worker cuts the text and the passages to them, and the
/// ingest process refuses an answer larger than they allow (``WorkerProcess``), so the parent's work on one
/// document stays bounded however large the file.
public struct DocumentLimits: Sendable, Hashable, Codable {
    /// Text kept from one document, in MiB (the rest is cut at a paragraph or line end: `partial`).
    public var maxTextMB: Int
    /// Passages kept from one document (the rest is left out: `partial`).
    public var maxPassages: Int

    public init(maxTextMB: Int = ExtractionLimits.defaultMaxTextMB, maxPassages: Int = PassageLimits.defaultMaxPassages)
    {
        self.maxTextMB = maxTextMB
        self.maxPassages = maxPassages
    }

    public var maxTextBytes: Int { maxTextMB << 20 }

    /// The normaliser's share of these limits.
    public var passages: PassageLimits { PassageLimits(maxPassages: maxPassages) }

    /// The most bytes a worker's answer for one document within these limits can take: the text JSON-escaped
    /// (every byte at most three: a quote or backslash becomes two, an escaped control character six for one,
    /// but the normaliser leaves those out), each passage's fields, and room for the diagnostics.
    public var maxAnswerBytes: Int { 3 * maxTextBytes + 512 * maxPassages + (4 << 20) }
}
