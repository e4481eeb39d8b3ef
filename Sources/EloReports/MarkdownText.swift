import EloCore

/// Escaping for Markdown: document text must not turn into links, emphasis, headings or raw HTML.
enum MarkdownText {
    /// Characters that make emphasis, code, links, headings or table cells anywhere in a line.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "#", "|", "~"]
    /// Characters that only matter first on a line (list items, image links).
    private static let leading: Set<Character> = ["-", "+", "!"]

    static func escape(_ text: String) -> String {
        var out = ""
        if let first = text.first, leading.contains(first) { out += "\\" }
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\r\n": out += " "
            default:
                if special.contains(character) { out += "\\" }
                out.append(character)
            }
        }
        return out
    }

    /// The quote escaped, with highlighted ranges in bold.
    static func highlighted(_ quote: String, _ highlights: [CoverageEvidence.Highlight]) -> String {
        QuoteExcerpt.marked(quote, highlights, escape: escape, open: "**", close: "**")
    }
}
