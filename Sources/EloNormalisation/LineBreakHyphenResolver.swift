import EloCore

/// Decides what a hyphen at the end of a line means, and joins the two lines accordingly.
///
/// - `ohjaus-⏎palvelut` → `ohjauspalvelut` (a word split for layout: the hyphen goes),
/// - `opinto-⏎ohjaus` → `opinto-ohjaus`, `TE-⏎toimisto` → `TE-toimisto` (a real hyphen stays),
/// - `nuoriso-⏎ja sosiaali…`, `social-⏎och hälsovården` → `nuoriso- ja …` (a suspended hyphen),
/// - `ohjaus\u{AD}⏎palvelut` → `ohjauspalvelut` (a soft hyphen marks a layout break: always joined),
/// - `opinto\u{2011}⏎ohjaus` (a non-breaking hyphen) is decided as `-` is; `2014–⏎2020` → `2014–2020`.
///
/// Real hyphens are told from layout ones by the lexicons: Voikko for Finnish, Hunspell for Swedish,
/// each asked about the joined and the hyphenated form (trailing punctuation stripped, answers cached per
/// word; Hunspell only when Voikko knows neither form). When they cannot tell, the document decides (the joined or hyphenated form occurring
/// elsewhere in it), and last the spelling: an acronym before the hyphen (`ELY-`, `EU-`, checked first),
/// a web address, an unknown capitalised name, a single letter (`e-mail`) or two equal vowels meeting
/// (`opinto-ohjaus`) keep it;
/// anything else is joined.
///
/// Owns lexicon handles: not thread-safe, one per worker.
public final class LineBreakHyphenResolver {
    public enum Decision: String, Sendable, CaseIterable {
        /// Drop the hyphen and the line break.
        case join
        /// Keep the hyphen, drop the line break.
        case keepHyphen
        /// A suspended compound (`nuoriso- ja`): keep the hyphen and a space.
        case suspended
    }

    private let finnish: FinnishLexicon?
    private let swedish: SwedishLexicon?
    /// Lexicon answers, per word: vocabulary repeats, and hyphenated compounds recur.
    private var knownFinnish: [String: Bool] = [:]
    private var knownSwedish: [String: Bool] = [:]

    public init(finnish: FinnishLexicon?, swedish: SwedishLexicon?) {
        self.finnish = finnish
        self.swedish = swedish
    }

    /// Conjunctions after which a line-final hyphen is a suspended one.
    static let conjunctions: Set<String> = [
        "ja", "tai", "sekä", "eli", "tahi", "och", "eller", "samt", "resp.", "respektive", "and", "or", "ynnä",
    ]

    /// Whether `line` ends in a hyphen glued to a word (`ohjaus-`, not `2020 -`): a hyphen-minus, a Unicode
    /// hyphen (U+2010), a non-breaking hyphen (U+2011) or a soft hyphen (U+00AD).
    public static func endsWithBreakHyphen(_ line: Substring) -> Bool {
        let scalars = line.unicodeScalars
        guard let last = scalars.last, last == "-" || last == "\u{2010}" || last == "\u{2011}" || last == "\u{AD}"
        else { return false }
        let beforeLast = scalars.dropLast().last
        return beforeLast.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
    }

    /// Whether `next` goes on with a word that `previous` broke at its end with a hyphen (`Keski-` ⏎ `Suomen`,
    /// `ohjaus-` ⏎ `palvelut`, `2014-` ⏎ `2020`), so that the break between them is no passage break, however it
    /// looks (a gap, a short or capitalised line). How the two are glued is decided later, with the lexicons, as
    /// for any line break inside a passage (``joint(after:before:documentWords:)``). Not after a dash set apart (`kesä -`),
    /// nor before a conjunction (`nuoriso-` ⏎ `ja …`: a suspended hyphen, the usual rules apply).
    public static func continuesBrokenWord(_ previous: String, _ next: String) -> Bool {
        guard endsWithBreakHyphen(previous[...]), let first = next.first else { return false }
        let firstWord = next.prefix { $0 != " " }
        if firstWord.utf8.count <= 12, conjunctions.contains(firstWord.lowercased()) { return false }
        if first.isLetter { return true }
        return first.isNumber && previous.dropLast().last?.isNumber == true
    }

    /// How two consecutive lines of one passage are glued together.
    public enum Joint: Sendable {
        /// Drop the last character of the left line (a layout hyphen) and glue.
        case dropHyphen
        /// Glue without a space (a real hyphen, or an en dash used as one).
        case glue
        /// An ordinary line break: one space.
        case space
    }

    /// `left` + `right` with the break between them resolved; `documentWords` (lower-cased words of the
    /// whole document) is only consulted when the lexicons cannot decide.
    public func join(_ left: String, _ right: String, documentWords: () -> DocumentVocabulary = { [] }) -> String {
        switch joint(after: left[...], before: right[...], documentWords: documentWords) {
        case .dropHyphen: String(left.unicodeScalars.dropLast()) + right
        case .glue: left + right
        case .space: left + " " + right
        }
    }

    /// How the line `left` joins the line `right` that follows it. Looks only at the two lines, so a
    /// caller building a long passage line by line does constant work per line.
    public func joint(after left: Substring, before right: Substring, documentWords: () -> DocumentVocabulary = { [] })
        -> Joint
    {
        guard Self.endsWithBreakHyphen(left) else {
            // An en dash used as a hyphen (`ELY–⏎keskusten`) stays glued to a lower-case continuation, and
            // one between numbers (`2014–⏎2020`) to the number.
            if left.unicodeScalars.last == "\u{2013}", let before = left.unicodeScalars.dropLast().last,
                (before.properties.isAlphabetic && right.first?.isLowercase == true)
                    || (before.properties.numericType != nil && right.first?.isNumber == true)
            {
                return .glue
            }
            return .space
        }
        // A soft hyphen is only ever a place where a word may break: the word goes on.
        if left.unicodeScalars.last == "\u{AD}" { return .dropHyphen }
        switch decide(left: left, right: right, documentWords: documentWords) {
        case .join: return .dropHyphen
        case .keepHyphen: return .glue
        case .suspended: return .space
        }
    }

    /// The meaning of the hyphen ending `left`, given the line `right` that follows.
    public func decide(left: Substring, right: Substring, documentWords: () -> DocumentVocabulary = { [] }) -> Decision
    {
        // Only the last word of `left` and the first of `right` matter; find them on the scalar views, so
        // that the cost does not grow with the length of the lines.
        let rightEnd = right.unicodeScalars.firstIndex(of: " ") ?? right.endIndex
        let rightToken = right[..<rightEnd]
        // (no conjunction is longer than 12 bytes: most tokens skip the lower-casing)
        if rightToken.utf8.count <= 12, Self.conjunctions.contains(rightToken.lowercased()) { return .suspended }
        guard let first = rightToken.first, first.isLetter, first.isLowercase else { return .keepHyphen }
        let leftStart = left.unicodeScalars.lastIndex(of: " ").map(left.unicodeScalars.index(after:)) ?? left.startIndex
        let rawLeft = left[leftStart...].dropLast()
        // Web and mail addresses (`Opintopolku.fi-palvelu`, URL slugs): the hyphen is theirs.
        if rawLeft.utf8.contains(where: { $0 == 0x2F || $0 == 0x40 }) || rawLeft.utf8.dropLast().contains(0x2E) {
            return .keepHyphen
        }
        let leftToken = Self.stripPunctuation(rawLeft)
        let rightWord = Self.stripPunctuation(rightToken)
        let lastPart = leftToken.split(separator: "-").last ?? leftToken[...]
        guard !leftToken.isEmpty, !rightWord.isEmpty else { return .keepHyphen }
        // An acronym or a number before the hyphen: TE-toimisto, EU-medel, 2-vuotinen.
        let isAcronym = lastPart.contains { $0.isLetter } && !lastPart.contains { $0.isLetter && $0.isLowercase }
        if isAcronym || lastPart.contains(where: \.isNumber) { return .keepHyphen }

        let joined = leftToken + rightWord
        let hyphenated = leftToken + "-" + rightWord
        // Finnish first; Swedish (whose dictionary loads on first use) only when Voikko knows neither
        // form: a word Voikko knows both ways is Finnish, and Hunspell cannot settle it either.
        var joinedKnown = isKnown(joined, in: .finnish)
        var hyphenatedKnown = isKnown(hyphenated, in: .finnish)
        if joinedKnown != hyphenatedKnown { return joinedKnown ? .join : .keepHyphen }
        if !joinedKnown {
            joinedKnown = isKnown(joined, in: .swedish)
            hyphenatedKnown = isKnown(hyphenated, in: .swedish)
            if joinedKnown != hyphenatedKnown { return joinedKnown ? .join : .keepHyphen }
        }
        let words = documentWords()
        let joinedSeen = words.contains(joined)
        let hyphenatedSeen = words.contains(hyphenated)
        if joinedSeen && !hyphenatedSeen { return .join }
        if hyphenatedSeen && !joinedSeen { return .keepHyphen }
        // A name neither lexicon knows as a first part (`Virta-informationsresurserna`): hyphenated.
        if !joinedKnown, !hyphenatedKnown, leftToken.first?.isUppercase == true { return .keepHyphen }
        // One letter before the hyphen (`e-⏎mail`, `x-⏎akseli`): a prefix, as line breaks never leave one letter.
        if lastPart.count == 1 { return .keepHyphen }
        if let end = lastPart.last?.lowercased(), let start = rightWord.first?.lowercased(), end == start,
            "aeiouyäöå".contains(end)
        {
            return .keepHyphen
        }
        return .join
    }

    /// Whether the lexicon of `language` knows `word` (cached per word and language).
    func isKnown(_ word: String, in language: Language) -> Bool {
        if language == .finnish {
            if let cached = knownFinnish[word] { return cached }
            let answer = finnish?.isWord(word) ?? false
            knownFinnish[word] = answer
            return answer
        }
        if let cached = knownSwedish[word] { return cached }
        let answer = swedish?.isWord(word) ?? false
        knownSwedish[word] = answer
        return answer
    }

    static func stripPunctuation(_ token: Substring) -> String {
        var slice = token
        while let first = slice.first, !first.isLetter, !first.isNumber { slice = slice.dropFirst() }
        while let last = slice.last, !last.isLetter, !last.isNumber { slice = slice.dropLast() }
        return String(slice)
    }
}
