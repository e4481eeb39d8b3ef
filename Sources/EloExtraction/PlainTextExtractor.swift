import EloCore

/// Reads a plain-text file: detects its encoding, refuses binary data, splits pages at form feeds.
struct PlainTextExtractor {
    func run(_ file: DocumentFile) -> ExtractedText {
        let path = file.path
        var result = ExtractedText(path: path, sha256: file.sha256, byteCount: file.bytes.count, pageCount: 0,
                                   status: .failed, method: .plainText, pages: [], diagnostics: [])
        guard let decoded = TextEncodingDetector.decode(file.bytes) else {
            result.diagnostics.append(ExtractionDiagnostics.binaryFile(path))
            return result
        }
        result.encoding = decoded.encoding
        if let why = decoded.assumption {
            result.diagnostics.append(ExtractionDiagnostics.encodingAssumed(path, encoding: decoded.encoding, why: why))
        }
        result.pages = Self.pages(of: decoded.text)
        result.pageCount = result.pages.count
        result.status = .ok
        if decoded.hadInvalidBytes {
            result.diagnostics.append(ExtractionDiagnostics.invalidUTF8(path))
            result.status = .partial
        }
        return result
    }

    /// One page per form feed-separated part (a trailing form feed starts no page), lines without boxes.
    static func pages(of text: String) -> [PageText] {
        var parts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        return parts.enumerated().map { index, part in
            // "\r\n" is one Character in Swift, so splitting on newlines handles all three line ends.
            var lines = part.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
            if lines.last?.isEmpty == true { lines.removeLast() }
            return PageText(number: index + 1, lines: lines.map { TextLine(text: String($0)) })
        }
    }
}
