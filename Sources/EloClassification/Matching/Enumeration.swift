/// Recognises a word that is only one item of an enumeration ("TE-toimisto, Ohjaamo, kirjasto ja
/// oppilaitokset"): naming a place in a list does not make the passage about it (taxonomy.md).
///
/// The sentence holding the word is cut at `,` `;` `/` and at the conjunctions *ja, sekä, tai, eli,
/// och, samt, eller*; the word is a list item when its piece has at most `itemWords` words (a name,
/// not a clause) and the sentence has at least `minimumItems` pieces of at most `shortItem` words,
/// separated by at least one punctuation mark (a list, not "A ja B sekä C"), and no piece after a
/// comma opens a relative clause ("Ohjaamo, joka avattiin 2015, palvelee …" is a sentence about it).
enum Enumeration {
    static let itemWords = 2
    static let shortItem = 3
    static let minimumItems = 3
    private static let conjunctions: Set<String> = ["ja", "sekä", "tai", "eli", "och", "samt", "eller"]
    private static let relativeWords: Set<String> = [
        "joka", "jonka", "jota", "jossa", "josta", "johon", "jolla", "jolle", "jotka", "joiden", "joita", "joissa",
        "joihin", "joilla",
        "mikä", "minkä", "mitä", "missä", "som", "där", "vilket", "vilka", "vars",
    ]
    private static let itemBreaks: Set<Character> = [",", ";", "/"]
    private static let sentenceBreaks: Set<Character> = [".", ":", "!", "?", "•", "\n"]

    /// Whether the characters `start..<end` of `text` (Character offsets) lie in a short list item.
    static func isListItem(_ text: String, start: Int, end: Int) -> Bool {
        let characters = Array(text)
        // pieces of the current sentence: word counts; remember which piece holds the hit
        var pieces: [Int] = [0]
        var hitPiece: Int?
        var punctuated = false
        var clausal = false
        var word = ""
        var wordStart = 0
        func closeWord(at index: Int) {
            guard !word.isEmpty else { return }
            if punctuated && pieces[pieces.count - 1] == 0 && relativeWords.contains(word.lowercased()) {
                clausal = true
            }
            if conjunctions.contains(word.lowercased()) {
                pieces.append(0)
            } else {
                pieces[pieces.count - 1] += 1
                if wordStart < end && start < index { hitPiece = pieces.count - 1 }
            }
            word = ""
        }
        func sentenceDecides() -> Bool? {
            guard let hitPiece else {
                pieces = [0]
                punctuated = false
                clausal = false
                return nil
            }
            let items = pieces.filter { $0 > 0 }
            return punctuated && !clausal && pieces[hitPiece] <= itemWords
                && items.filter { $0 <= shortItem }.count >= minimumItems
        }
        for (index, character) in characters.enumerated() {
            let inWord =
                character == ":" && !word.isEmpty && index + 1 < characters.count && characters[index + 1].isLetter
            if character.isLetter || character.isNumber || character == "-" || inWord {
                if word.isEmpty { wordStart = index }
                word.append(character)
                continue
            }
            closeWord(at: index)
            if itemBreaks.contains(character) {
                pieces.append(0)
                punctuated = true
            } else if sentenceBreaks.contains(character)
                && !(character == "." && index > 0 && characters[index - 1].isNumber)
            {
                if let decided = sentenceDecides() { return decided }
            }
        }
        closeWord(at: characters.count)
        return sentenceDecides() ?? false
    }
}
