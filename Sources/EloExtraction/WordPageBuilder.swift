import EloCore

/// Collects the paragraphs of a Word (DOCX/ODT) document into pages of `TextLine`s.
///
/// Word files have no fixed pages: everything lands on page 1 unless the file has explicit page breaks.
/// Each paragraph becomes one line (its `role` saying heading or list item), followed by a whitespace-only
/// separator line, which the normaliser treats as a paragraph break in every mode.
struct WordPageBuilder {
    private(set) var pages: [PageText] = [PageText(number: 1, lines: [])]
    private(set) var paragraphCount = 0

    /// Adds one paragraph's text; empty and whitespace-only paragraphs are dropped.
    mutating func add(_ text: String, role: TextLine.Role?) {
        let folded = Self.fold(text)
        guard !folded.isEmpty else { return }
        let shown = role == .listItem ? "• " + folded : folded
        pages[pages.count - 1].lines.append(TextLine(text: shown, role: role))
        pages[pages.count - 1].lines.append(TextLine(text: " "))
        paragraphCount += 1
    }

    /// Starts a new page, unless the current one is still empty (a break at the very start, or two in a row).
    mutating func breakPage() {
        guard !(pages.last?.lines.isEmpty ?? true) else { return }
        pages.append(PageText(number: pages.count + 1, lines: []))
    }

    /// The pages, without a trailing empty page or trailing separator lines.
    func finished() -> [PageText] {
        var result = pages
        if result.count > 1, result.last?.lines.isEmpty == true { result.removeLast() }
        for index in result.indices {
            while result[index].lines.last?.text == " " { result[index].lines.removeLast() }
        }
        return result
    }

    /// Tabs and line breaks inside a paragraph become single spaces; the ends are trimmed. Soft hyphens
    /// (U+00AD) are kept for the normaliser, which removes them.
    static func fold(_ text: String) -> String {
        var folded = FoldedText()
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == " " || scalar == "\u{A0}" {
                folded.space()
            } else {
                folded.append(scalar)
            }
        }
        return folded.text
    }
}
