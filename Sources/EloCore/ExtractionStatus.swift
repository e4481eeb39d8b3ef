/// How far a document could be read. Only `ok` and `partial` documents can be assessed for coverage.
public enum ExtractionStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case ok
    /// Some text was recovered, but pages or streams were lost; the diagnostics say which.
    case partial
    case failed
    /// Encrypted, and no (correct) password was given.
    case needsPassword = "needs-password"
    /// No text layer: the pages are images and must go through OCR.
    case needsOCR = "needs-ocr"

    /// Whether passages from a document with this status can be used as evidence.
    public var isReadable: Bool { self == .ok || self == .partial }
}

/// Where a document's text came from.
public enum ExtractionMethod: String, Sendable, Codable, CaseIterable, Hashable {
    case textLayer = "text-layer"
    case plainText = "plain-text"
    case ocr
}
