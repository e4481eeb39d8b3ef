import CICUShim

/// Splits normalised text into sentences: ICU's sentence rules, with breaks after Finnish and Swedish
/// abbreviations (`mm.`, `esim.`, `bl.a.`, `t.ex.` …, see ``AbbreviationList``) taken back out, since
/// ICU has no Finnish or Swedish data for them.
///
/// Holds an ICU break iterator: not thread-safe, make one per worker.
public final class SentenceSplitter {
    public let abbreviations: AbbreviationList
    private let iterator: OpaquePointer?

    public init(abbreviations: AbbreviationList = .standard, locale: String = "fi") {
        self.abbreviations = abbreviations
        self.iterator = elo_sentence_iterator_open(locale)
    }

    deinit { elo_sentence_iterator_close(iterator) }

    /// The sentences of `text`, each trimmed of surrounding spaces; empty pieces are dropped.
    public func sentences(in text: String) -> [Substring] {
        let ends = boundaries(in: text)
        var result: [Substring] = []
        var start = text.startIndex
        var pendingStart: String.Index? = nil
        for end in ends {
            let piece = text[start..<end]
            let sentenceStart = pendingStart ?? start
            start = end
            if abbreviations.endsWithAbbreviation(piece), end != text.endIndex {
                pendingStart = sentenceStart  // "esim. Helsinki": the sentence goes on
                continue
            }
            pendingStart = nil
            let sentence = Self.trimmed(text[sentenceStart..<end])
            if !sentence.isEmpty { result.append(sentence) }
        }
        if let pendingStart {
            let sentence = Self.trimmed(text[pendingStart...])
            if !sentence.isEmpty { result.append(sentence) }
        }
        return result
    }

    /// Whether a line ending with `text` ends a sentence there: it ends with `.`, `!`, `?` or `:` (with
    /// closing quotes or brackets after it), and its last token is no abbreviation.
    public func endsSentence(_ text: Substring) -> Bool {
        var slice = text
        while let last = slice.last, last == " " || "\"'”’»)]".contains(last) { slice = slice.dropLast() }
        guard let last = slice.last else { return false }
        switch last {
        case "!", "?", "…": return true
        case ".": return !abbreviations.endsWithAbbreviation(slice)
        default: return false
        }
    }

    /// ICU boundaries as string indices (each the end of one sentence).
    private func boundaries(in text: String) -> [String.Index] {
        var source = text
        let offsets: [Int32] = source.withUTF8 { utf8 in
            let length = Int32(utf8.count)
            var capacity = max(8, utf8.count / 40)
            while true {
                var buffer = [Int32](repeating: 0, count: capacity)
                let count = utf8.withMemoryRebound(to: CChar.self) { chars in
                    buffer.withUnsafeMutableBufferPointer {
                        elo_sentence_boundaries_utf8(
                            iterator, chars.baseAddress, length, $0.baseAddress, Int32(capacity))
                    }
                }
                if count < 0 { return [length] }
                if Int(count) <= capacity { return Array(buffer.prefix(Int(count))) }
                capacity = Int(count)
            }
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: Int($0)) }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var slice = text
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}
