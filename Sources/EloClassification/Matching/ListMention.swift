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

    /// One sentence of the passage: its items, and every word that is not a conjunction with its item.
    private struct Sentence {
        var items = [Item()]
        var words: [(start: Int, end: Int, item: Int)] = []
    }

    /// The sentences of one passage cut into items, read once: a passage asks about each of its cue hits.
    /// Empty when the passage has no comma, semicolon or slash (a list needs a punctuation mark between
    /// two of its items; most passages have none).
    struct Layout {
        private var sentences: [Sentence] = []

        init(_ text: String) {
            guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x2F }) else { return }
            // Offsets count Characters. Where every scalar is a Character of its own (`Token.isOwnCharacter`:
            // nearly all Finnish and Swedish prose), the scalars are read as Characters: the same offsets
            // without breaking the text into grapheme clusters, which was most of the cost.
            if text.unicodeScalars.allSatisfy(Token.isOwnCharacter) {
                read(text.unicodeScalars.lazy.map(Character.init))
            } else {
                read(text)
            }
        }

        private mutating func read(_ characters: some Sequence<Character>) {
            var sentence = Sentence()
            // the word being read: its length, its last character and (only while it is short enough to be
            // a conjunction) its text
            var wordLength = 0
            var word = ""
            var lastOfWord: Character = " "
            var wordStart = 0
            var elided = false  // the last word ended with a hyphen: the next break joins a compound

            func newItem(punctuated: Bool) {
                if elided { return }
                let last = sentence.items.count - 1
                if sentence.items[last].words == 0 {
                    sentence.items[last].punctuated = sentence.items[last].punctuated || punctuated
                    return
                }
                sentence.items.append(Item(punctuated: punctuated))
            }
            func closeWord(at index: Int) {
                guard wordLength > 0 else { return }
                defer {
                    word = ""
                    wordLength = 0
                }
                if wordLength <= 5, conjunctions.contains(word.lowercased()) {
                    newItem(punctuated: false)
                    return
                }
                elided = lastOfWord == "-"
                let last = sentence.items.count - 1
                sentence.items[last].words += 1
                sentence.items[last].start = min(sentence.items[last].start, wordStart)
                sentence.items[last].end = index
                sentence.words.append((wordStart, index, last))
            }
            func closeSentence() {
                if !sentence.words.isEmpty { sentences.append(sentence) }
                sentence = Sentence()
                elided = false
            }
            var previous: Character = " "
            var count = 0
            for (index, character) in characters.enumerated() {
                count += 1
                defer { previous = character }
                if ListMention.isWordCharacter(character) {
                    if wordLength == 0 { wordStart = index }
                    wordLength += 1
                    if wordLength <= 5 { word.append(character) }
                    lastOfWord = character
                    continue
                }
                closeWord(at: index)
                switch ListMention.kind(of: character) {
                case .itemBreak:
                    newItem(punctuated: true)
                case .sentenceBreak where !(character == "." && previous.isNumber):
                    closeSentence()
                case .space:
                    break
                default:
                    elided = false
                }
            }
            closeWord(at: count)
            closeSentence()
        }

        /// The character ranges of the items of the list that holds `start..<end` (Character offsets of the
        /// text), and which of them holds it; nil when the word is no short list item. The first sentence
        /// with a word inside `start..<end` decides, by the item of the last such word.
        func list(start: Int, end: Int) -> (items: [Range<Int>], hit: Int)? {
            for sentence in sentences {
                guard let word = sentence.words.last(where: { $0.start < end && start < $0.end }) else { continue }
                let items = sentence.items
                let hit = word.item
                guard items[hit].words <= itemWords else { return nil }
                var first = hit
                var last = hit
                while first > 0, (1...itemWords).contains(items[first - 1].words) { first -= 1 }
                while last + 1 < items.count, (1...itemWords).contains(items[last + 1].words) { last += 1 }
                let punctuated = first < last && items[(first + 1)...last].contains { $0.punctuated }
                guard last - first + 1 >= minimumItems, punctuated else { return nil }
                return (items[first...last].map { $0.start..<$0.end }, hit - first)
            }
            return nil
        }
    }

    /// ``Layout/list(start:end:)`` for one word of `text`.
    static func list(in text: String, start: Int, end: Int) -> (items: [Range<Int>], hit: Int)? {
        Layout(text).list(start: start, end: end)
    }
}
