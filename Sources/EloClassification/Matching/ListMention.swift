/// Finds the list a cue word is an item of: a run of words in a sentence ("teemaryhmät: nivelvaiheet,
/// aikuisohjaus, maahanmuuttajien ohjaus ja verkko-ohjaus"), for the taxonomy's rule that a passing
/// mention in a list of unrelated words does not count.
///
/// The sentence holding the word (cut at `.` `:` `!` `?` `•` and line breaks) is cut into items at `,`
/// `;` `/` and at the conjunctions *ja, sekä, tai, eli, och, samt, eller*. The word's item belongs to a
/// list when it has at most `itemWords` words (a word with its attribute, not a phrase) and it stands in a
/// run of at least `minimumItems` such items with at least one punctuation mark between them ("A ja B
/// sekä C" is no list). A break right after a word ending in a hyphen joins the parts of one elided
/// compound ("elinkeino-, liikenne- ja ympäristökeskus", "työ- ja ajattelutapana"): no new item.
///
/// Unlike ``Enumeration`` (a place named among others, for anchors), the run must be made of short
/// items around the word: a list elsewhere in the sentence does not make every word of it an item.
enum ListMention {
    static let itemWords = 2
    static let minimumItems = 3
    private static let conjunctions: Set<String> = ["ja", "sekä", "tai", "eli", "och", "samt", "eller"]
    private static let itemBreaks: Set<Character> = [",", ";", "/"]
    private static let sentenceBreaks: Set<Character> = [".", ":", "!", "?", "•", "\n"]

    private enum Kind { case itemBreak, sentenceBreak, space, other }

    /// Letters, digits and the hyphen; ASCII answered without a Unicode property lookup.
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue, character != "\r\n" {
            return (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A) || (ascii >= 0x30 && ascii <= 0x39) || ascii == 0x2D
        }
        return character.isLetter || character.isNumber
    }

    private static func kind(of character: Character) -> Kind {
        if let ascii = character.asciiValue, character != "\r\n" {
            switch ascii {
            case 0x2C, 0x3B, 0x2F: return .itemBreak
            case 0x2E, 0x3A, 0x21, 0x3F, 0x0A: return .sentenceBreak
            case 0x20, 0x09...0x0D: return .space
            default: return .other
            }
        }
        if itemBreaks.contains(character) { return .itemBreak }
        if sentenceBreaks.contains(character) { return .sentenceBreak }
        return character.isWhitespace ? .space : .other
    }

    private struct Item {
        var words = 0
        var start = Int.max
        var end = 0
        /// Whether a punctuation mark (not only a conjunction) separates it from the item before.
        var punctuated = false
    }

    /// The character ranges of the items of the list that holds `start..<end` (Character offsets of
    /// `text`), and which of them holds it; nil when the word is no short list item.
    static func list(in text: String, start: Int, end: Int) -> (items: [Range<Int>], hit: Int)? {
        // a list needs a punctuation mark between two of its items: most passages have none
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x2F }) else { return nil }
        var items = [Item()]
        var hitItem: Int?
        // the word being read: its length, its last character and (only while it is short enough to be a
        // conjunction) its text
        var wordLength = 0
        var word = ""
        var lastOfWord: Character = " "
        var wordStart = 0
        var elided = false  // the last word ended with a hyphen: the next break joins a compound

        func newItem(punctuated: Bool) {
            if elided { return }
            if items[items.count - 1].words == 0 {
                items[items.count - 1].punctuated = items[items.count - 1].punctuated || punctuated
                return
            }
            items.append(Item(punctuated: punctuated))
        }
        func closeWord(at index: Int) {
            guard wordLength > 0 else { return }
            defer { word = ""; wordLength = 0 }
            if wordLength <= 5, conjunctions.contains(word.lowercased()) { newItem(punctuated: false); return }
            elided = lastOfWord == "-"
            var item = items[items.count - 1]
            item.words += 1
            item.start = min(item.start, wordStart)
            item.end = index
            items[items.count - 1] = item
            if wordStart < end && start < index { hitItem = items.count - 1 }
        }
        /// At the end of a sentence: nil when the word is not in it (go on), else the answer.
        func decide() -> (items: [Range<Int>], hit: Int)?? {
            guard let hit = hitItem else { items = [Item()]; elided = false; return nil }
            guard items[hit].words <= itemWords else { return .some(nil) }
            var first = hit, last = hit
            while first > 0, (1...itemWords).contains(items[first - 1].words) { first -= 1 }
            while last + 1 < items.count, (1...itemWords).contains(items[last + 1].words) { last += 1 }
            let punctuated = first < last && items[(first + 1)...last].contains { $0.punctuated }
            guard last - first + 1 >= minimumItems, punctuated else { return .some(nil) }
            return .some((items[first...last].map { $0.start..<$0.end }, hit - first))
        }
        var previous: Character = " "
        for (index, character) in text.enumerated() {
            defer { previous = character }
            if Self.isWordCharacter(character) {
                if wordLength == 0 { wordStart = index }
                wordLength += 1
                if wordLength <= 5 { word.append(character) }
                lastOfWord = character
                continue
            }
            closeWord(at: index)
            switch Self.kind(of: character) {
            case .itemBreak:
                newItem(punctuated: true)
            case .sentenceBreak where !(character == "." && previous.isNumber):
                if let decided = decide() { return decided }
            case .space:
                break
            default:
                elided = false
            }
        }
        closeWord(at: text.count)
        return decide() ?? nil
    }
}
