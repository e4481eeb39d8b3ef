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
        var current = ""
        var start = 0
        let characters = Array(text)
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        func flush(at end: Int, suspended: Bool = false) {
            if !current.isEmpty { tokens.append(Token(text: current, start: start, end: end, suspended: suspended)) }
            current = ""
        }
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if isWordCharacter(c) {
                if current.isEmpty { start = index }
                current.append(c)
            } else if !current.isEmpty, c == "-" || c == ":" || c == "'" || c == "’" || c == "\u{2011}" {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if let next, isWordCharacter(next) {
                    current.append(c == "\u{2011}" ? "-" : c)
                } else {
                    flush(at: index, suspended: c == "-" || c == "\u{2011}")
                }
            } else if c == "\u{00AD}" {
                // soft hyphen: invisible, joins the word
            } else {
                flush(at: index)
            }
            index += 1
        }
        flush(at: characters.count)
        return tokens
    }
}
