/// One word of a passage with its position, in `Character` offsets of the passage text (Swift
/// `String` counting: extended grapheme clusters of the NFC text), `end` exclusive.
struct Token: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    /// The word ended with a hyphen before a space (`ohjaus-` in *ohjaus- ja neuvontapalvelut*).
    var suspended: Bool = false
    /// Where the word lies in the passage text (`String` indices, for slicing evidence out of it).
    var range: Range<String.Index>

    /// Splits `text` into words. Hyphens, colons and apostrophes between letters stay inside a word
    /// (*TE-toimistojen*, *ELY:n*); a trailing hyphen marks a suspended compound part.
    ///
    /// Text in which every scalar is a character of its own (Finnish and Swedish prose nearly always is,
    /// see `Token.isOwnCharacter`) is split scalar by scalar; anything else, Character by Character.
    /// Both give the same tokens.
    static func split(_ text: String) -> [Token] {
        splitByScalars(text) ?? splitByCharacters(text)
    }

    /// Scalars that are always a grapheme cluster of their own, whatever stands next to them: nothing
    /// combines with them or joins them to a neighbour (no combining marks, joiners, CR, Hangul or
    /// regional indicators). Checked for every scalar it admits against `String`'s own counting.
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: false  // CR + LF is one character
        case 0..<0x300: true  // Basic Latin, Latin-1, Latin Extended-A/B, IPA, modifiers
        case 0x370..<0x483: true  // Greek and Cyrillic letters (their combining marks follow)
        case 0x1E00..<0x2000: true  // Latin Extended Additional, Greek Extended
        case 0x200C, 0x200D: false  // zero-width (non-)joiner
        case 0x2000..<0x20D0: true  // punctuation, super-/subscripts, currency
        case 0x2100..<0x2C00: true  // letterlike symbols, arrows, maths, boxes, shapes, dingbats
        case 0xE000..<0xF900: true  // private use (bullet glyphs of office fonts)
        case 0xFB00..<0xFB07: true  // Latin ligatures (ﬁ, ﬂ, …)
        default: false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        if let ascii = c.asciiValue {
            return (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39)
        }
        return c.isLetter || c.isNumber
    }

    /// A word inside the word-joining marks (`-`, `:`, `'`, `’`, U+2011) is one token.
    private static func joinsWords(_ value: UInt32) -> Bool {
        value == 0x2D || value == 0x3A || value == 0x27 || value == 0x2019 || value == 0x2011
    }

    /// The token's text: soft hyphens inside it dropped, non-breaking hyphens written as plain ones.
    private static func word(_ slice: Substring) -> String {
        var word = String(slice)
        if word.unicodeScalars.contains(where: { $0 == "\u{AD}" || $0 == "\u{2011}" }) {
            word = String(
                String.UnicodeScalarView(
                    word.unicodeScalars.compactMap { $0 == "\u{AD}" ? nil : $0 == "\u{2011}" ? "-" : $0 }))
        }
        return word
    }

    /// Collects the tokens of one text as a split walks it: a word begins at a word character and is
    /// sliced out (and ends) at the first character that is not part of it.
    private struct Collector {
        let text: String
        var tokens: [Token] = []
        var wordStart: String.Index?
        var start = 0

        init(_ text: String) { self.text = text }

        mutating func continueWord(at index: String.Index, offset: Int) {
            if wordStart == nil {
                wordStart = index
                start = offset
            }
        }

        mutating func flush(at end: String.Index, offset: Int, suspended: Bool = false) {
            guard let begun = wordStart else { return }
            tokens.append(
                Token(
                    text: word(text[begun..<end]), start: start, end: offset, suspended: suspended, range: begun..<end))
            wordStart = nil
        }

        /// Takes the character at `index`: a word character continues the word; a joiner (hyphen, apostrophe)
        /// inside a word keeps it going when a word character follows, else ends it (suspended after a hyphen);
        /// a soft hyphen is invisible and joins the word; anything else ends the word.
        mutating func take(
            at index: String.Index, offset: Int, isWord: Bool, joins: @autoclosure () -> Bool,
            wordFollows: @autoclosure () -> Bool, isHyphen: @autoclosure () -> Bool,
            isSoftHyphen: @autoclosure () -> Bool
        ) {
            if isWord {
                continueWord(at: index, offset: offset)
            } else if wordStart != nil, joins() {
                if !wordFollows() { flush(at: index, offset: offset, suspended: isHyphen()) }
            } else if !isSoftHyphen() {
                flush(at: index, offset: offset)
            }
        }
    }

    /// The split when every scalar is its own character (offsets count scalars); nil otherwise.
    static func splitByScalars(_ text: String) -> [Token]? {
        var collector = Collector(text)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isOwnCharacter(scalar) else { return nil }
            let next = scalars.index(after: index)
            collector.take(
                at: index, offset: offset, isWord: isWordScalar(scalar), joins: joinsWords(scalar.value),
                wordFollows: next < scalars.endIndex && isOwnCharacter(scalars[next]) && isWordScalar(scalars[next]),
                isHyphen: scalar == "-" || scalar == "\u{2011}", isSoftHyphen: scalar == "\u{00AD}")
            index = next
            offset += 1
        }
        collector.flush(at: text.endIndex, offset: offset)
        return collector.tokens
    }

    /// The general split, Character by Character.
    static func splitByCharacters(_ text: String) -> [Token] {
        var collector = Collector(text)
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            collector.take(
                at: index, offset: offset, isWord: isWordCharacter(c),
                joins: c.unicodeScalars.count == 1 && joinsWords(c.unicodeScalars.first!.value),
                wordFollows: next < text.endIndex && isWordCharacter(text[next]),
                isHyphen: c == "-" || c == "\u{2011}", isSoftHyphen: c == "\u{00AD}")
            index = next
            offset += 1
        }
        collector.flush(at: text.endIndex, offset: offset)
        return collector.tokens
    }
}
