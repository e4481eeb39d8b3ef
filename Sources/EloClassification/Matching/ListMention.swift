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
        var items = [Item()]
        var hitItem: Int?
        var word = ""
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
            guard !word.isEmpty else { return }
            defer { word = "" }
            if conjunctions.contains(word.lowercased()) { newItem(punctuated: false); return }
            elided = word.hasSuffix("-")
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
            if character.isLetter || character.isNumber || character == "-" {
                if word.isEmpty { wordStart = index }
                word.append(character)
                continue
            }
            closeWord(at: index)
            if itemBreaks.contains(character) {
                newItem(punctuated: true)
            } else if sentenceBreaks.contains(character) && !(character == "." && previous.isNumber) {
                if let decided = decide() { return decided }
            } else if !character.isWhitespace {
                elided = false
            }
        }
        closeWord(at: text.count)
        return decide() ?? nil
    }
}
