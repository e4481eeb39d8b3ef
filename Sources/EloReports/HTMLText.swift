import EloCore

/// Escaping for text that goes into HTML. Everything that comes from a document or a configuration file
/// passes through here: `<script>` in a passage must show as text.
enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, safe in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        // nothing to escape (most text): the string as it is, without rebuilding it scalar by scalar
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
        }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline have no place in a page.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A file path escaped, with a line-break opportunity (`<wbr>`) after each `/`, `_` and `-`, so a long path
    /// wraps between its parts and never inside a word.
    static func path(_ path: String) -> String {
        var out = ""
        for character in path {
            out += escape(String(character))
            if character == "/" || character == "_" || character == "-" { out += "<wbr>" }
        }
        return out
    }

    /// The quote escaped, with the highlighted character ranges wrapped in `<mark>`.
    static func highlighted(_ quote: String, _ highlights: [CoverageEvidence.Highlight]) -> String {
        QuoteExcerpt.marked(quote, highlights, escape: escape, open: "<mark>", close: "</mark>")
    }

    /// An `id`/fragment made only of `[a-z0-9-]`, from a label id such as `okm2011.laatu`.
    static func anchor(_ prefix: String, _ id: String) -> String {
        let body = id.lowercased().unicodeScalars.map { scalar -> String in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "-"
        }.joined()
        return prefix + "-" + body
    }

    /// A score as reports print it: two decimals, independent of locale.
    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = abs(hundredths % 100)
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
