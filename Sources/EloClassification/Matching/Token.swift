/// One word of a passage with its position, in `Character` offsets of the passage text (Swift
/// `String` counting: extended grapheme clusters of the NFC text), `end` exclusive.
struct Token: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    /// The word ended with a hyphen before a space (`ohjaus-` in *ohjaus- ja neuvontapalvelut*).
    var suspended: Bool = false

    /// Splits `text` into words. Hyphens, colons and apostrophes between letters stay inside a word
    /// (*TE-toimistojen*, *ELY:n*); a trailing hyphen marks a suspended compound part.
    static func split(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var wordStart: String.Index? = nil
        var start = 0
        func isWordCharacter(_ c: Character) -> Bool {
            if let ascii = c.asciiValue { return (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) }
            return c.isLetter || c.isNumber
        }
        // A token is sliced out of the text once, at its end; soft hyphens inside it are dropped and
        // non-breaking hyphens written as plain ones.
        func flush(at end: String.Index, offset: Int, suspended: Bool = false) {
            guard let begun = wordStart else { return }
            var word = String(text[begun..<end])
            if word.unicodeScalars.contains(where: { $0 == "\u{AD}" || $0 == "\u{2011}" }) {
                word = String(String.UnicodeScalarView(word.unicodeScalars.compactMap { $0 == "\u{AD}" ? nil : $0 == "\u{2011}" ? "-" : $0 }))
            }
            tokens.append(Token(text: word, start: start, end: offset, suspended: suspended))
            wordStart = nil
        }
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if isWordCharacter(c) {
                if wordStart == nil { wordStart = index; start = offset }
            } else if wordStart != nil, c == "-" || c == ":" || c == "'" || c == "’" || c == "\u{2011}" {
                if next < text.endIndex, isWordCharacter(text[next]) {
                    // inside the word
                } else {
                    flush(at: index, offset: offset, suspended: c == "-" || c == "\u{2011}")
                }
            } else if c == "\u{00AD}" {
                // soft hyphen: invisible, joins the word
            } else {
                flush(at: index, offset: offset)
            }
            index = next
            offset += 1
        }
        flush(at: text.endIndex, offset: offset)
        return tokens
    }
}
