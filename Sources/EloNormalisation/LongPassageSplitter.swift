/// Splits a passage longer than ``PassageLimits/maxPassageBytes`` into pieces that fit: each piece ends at the
/// last sentence end that fits (abbreviations such as `esim.` end none, ``SentenceSplitter``), else at the last
/// space, else at a character boundary. Text without blank lines or line ends thus never becomes one giant
/// passage. Linear in the text's length: each piece looks only at its own window.
public struct LongPassageSplitter {
    public let splitter: SentenceSplitter
    public let maxBytes: Int

    public init(splitter: SentenceSplitter, maxBytes: Int) {
        self.splitter = splitter
        self.maxBytes = max(16, maxBytes)
    }

    /// `text` in pieces of at most `maxBytes` UTF-8 bytes (`[text]` when it fits), trimmed of spaces at the cuts.
    public func pieces(_ text: String) -> [String] {
        guard text.utf8.count > maxBytes else { return [text] }
        var pieces: [String] = []
        var rest = text[...]
        while rest.utf8.count > maxBytes {
            let window = rest[..<rest.utf8.index(rest.startIndex, offsetBy: maxBytes)]
            let end = cutIndex(in: window)
            let piece = window[..<end].trimmingSpaces
            if !piece.isEmpty { pieces.append(String(piece)) }
            rest = rest[end...].drop { $0 == " " }
        }
        if !rest.isEmpty { pieces.append(String(rest)) }
        return pieces
    }

    /// Where to end the piece taken from `window`: after a sentence end or a space in its second half, else at
    /// its end.
    private func cutIndex(in window: Substring) -> Substring.Index {
        let half = window.utf8.index(window.startIndex, offsetBy: window.utf8.count / 2)
        var space: Substring.Index? = nil
        var index = window.endIndex
        while index > half {
            let previous = window.index(before: index)
            if window[previous] == " " {
                if space == nil { space = index }
                if previous > window.startIndex, splitter.endsSentence(window[..<previous]) { return index }
            }
            index = previous
        }
        return space ?? window.endIndex
    }
}

extension Substring {
    /// Without spaces at either end.
    var trimmingSpaces: Substring {
        var slice = self
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
