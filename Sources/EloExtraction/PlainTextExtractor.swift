import EloCore

/// Reads a plain-text file: detects its encoding, refuses binary data, cuts the text to its budget (before it
/// is split into lines, so a huge file never becomes millions of lines), splits pages at form feeds.
struct PlainTextExtractor {
    var budget = TextBudget(limit: ExtractionLimits().maxTextBytes)

    func run(_ file: DocumentFile) -> ExtractedText {
        let path = file.path
        var result = ExtractedText(path: path, sha256: file.sha256, byteCount: file.bytes.count, method: .plainText)
        guard let decoded = TextEncodingDetector.decode(file.bytes) else {
            result.diagnostics.append(ExtractionFinding.binaryFile.about(path))
            return result
        }
        result.encoding = decoded.encoding
        if let why = decoded.assumption {
            result.diagnostics.append(
                ExtractionFinding.encodingAssumed(encoding: decoded.encoding, why: why).about(path))
        }
        let kept = budget.cut(decoded.text[...])
        result.pages = Self.pages(of: kept.map(String.init) ?? decoded.text)
        result.pageCount = result.pages.count
        result.status = .ok
        if decoded.hadInvalidBytes {
            result.diagnostics.append(ExtractionFinding.invalidUTF8.about(path))
            result.status = .partial
        }
        if let kept {
            budget.mark(&result, keptBytes: kept.utf8.count, totalBytes: decoded.text.utf8.count, lastPage: nil)
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
