import EloCore
import Foundation
import Testing

@testable import EloClassification
@testable import EloSettings

/// The set-level rules for what does not address a goal (taxonomy.md): a cue word that is only a passing
/// mention in a list of unrelated words (`ignore_list_items`), and the questions of a passage that puts a
/// question to the reader (`reader_questions`).
@Suite struct PassingMentionTests {
    static let markers = ReaderQuestionMarkers(
        words: [.finnish: ["te", "teidän"], .swedish: ["ni", "er"]],
        endings: [.finnish: ["nne", "tte"]])

    func classifier(ignoreListItems: Bool = false, readerQuestions: ReaderQuestionMarkers? = nil) throws
        -> PassageClassifier
    {
        let cues = [
            Cue(term: "laatu", language: .finnish, weight: 1), Cue(term: "arviointi", language: .finnish, weight: 0.8),
            Cue(term: "kvalitet", language: .swedish, weight: 1),
        ]
        let label = LabelDefinition(id: "t.laatu", nameFi: "x", nameSv: "x", definition: "x", cues: cues)
        let set = LabelSet(
            id: "t", nameFi: "t", nameSv: "t", file: "t.yaml", ignoreListItems: ignoreListItems,
            readerQuestions: readerQuestions, labels: [label])
        return try PassageClassifier(
            configuration: PipelineConfiguration(file: "p.yaml", name: "p", labelSets: [set], threshold: 0.5))
    }

    func labelled(_ text: String, language: Language = .finnish, _ c: PassageClassifier) -> Bool {
        !c.classify([Passage(page: 1, index: 0, kind: .paragraph, language: language, text: text)])[0].isEmpty
    }

    @Test(arguments: [
        // one short item of a list of unrelated words: a passing mention
        ("Teemaryhmät ovat: nivelvaiheet, aikuisohjaus, laatu ja verkko-ohjaus.", false),
        ("Kriteerejä on kuusi (mm. asiakaslähtöisyys, laatu ja jatkuvuus).", false),
        // the goal's word as the object of the sentence, beside another goal: no list
        ("Ryhmän tavoitteena on edistää palvelujen saatavuutta ja laatua alueella.", true),
        // a list elsewhere in the sentence (an elided compound: one item) makes no list of the cue's item
        ("Elinkeino-, liikenne- ja ympäristökeskus kehittää palvelujen saatavuutta ja laatua alueella.", true),
        // several items of the list are the goal's words: the list is about the goal
        ("Työn aiheet: nivelvaiheet, laatu, arviointi ja verkko-ohjaus.", true),
        // items that are phrases, not words
        ("Ryhmä kehittää ohjauksen laatua, kokoaa yhteisen palvelukartan ja järjestää koulutuspäivän.", true),
    ])
    func aPassingMentionInAListDoesNotCount(text: String, isLabelled: Bool) throws {
        #expect(labelled(text, try classifier(ignoreListItems: true)) == isLabelled)
        #expect(labelled(text, try classifier()), "without ignore_list_items every cue word counts")
    }

    @Test(arguments: [
        ("Nivelvaiheet, aikuisohjaus, laatu ja verkko-ohjaus.", "laatu", true),
        ("Elinkeino-, liikenne- ja ympäristökeskus vastaa laadusta.", "liikenne-", false),
        ("Kehittämisen kohteet: työ- ja ajattelutavat, laatu, vastuut.", "laatu", true),
        ("Laatu ja arviointi sekä seuranta.", "Laatu", false),  // no punctuation: "A ja B sekä C"
        ("Kehitämme laatua; kokoamme yhteisen palvelukartan; järjestämme päivän.", "laatua", false),
    ])
    func listItems(text: String, word: String, isItem: Bool) {
        let characters = Array(text)
        let start =
            (0...(characters.count - word.count)).first { String(characters[$0..<$0 + word.count]) == word } ?? 0
        #expect((ListMention.list(in: text, start: start, end: start + word.count) != nil) == isItem)
    }

    /// One layout of a passage answers for every word in it, each by its own sentence: a list in one sentence
    /// says nothing about the same word in another, and each sentence's list is its own.
    @Test func oneLayoutAnswersEachSentenceOnItsOwn() {
        let text =
            "Ryhmä kehittää ohjauksen laatua alueella. Aiheet: nivelvaiheet, aikuisohjaus, laatu ja verkko-ohjaus. "
            + "Laatu, arviointi ja seuranta!"
        let layout = ListMention.Layout(text)
        let characters = Array(text)
        func offsets(of word: String) -> [Int] {
            (0...(characters.count - word.count)).filter { String(characters[$0..<$0 + word.count]) == word }
        }
        let laatua = offsets(of: "laatua")[0]
        let laatu = offsets(of: "laatu ja")[0]
        let last = offsets(of: "Laatu")[0]
        #expect(layout.list(start: laatua, end: laatua + 6) == nil, "the first sentence has no list")
        let second = layout.list(start: laatu, end: laatu + 5)
        #expect(second?.items.count == 4)
        #expect(second?.hit == 2)
        #expect(second.map { $0.items[$0.hit] } == laatu..<(laatu + 5))
        let third = layout.list(start: last, end: last + 5)
        #expect(third?.hit == 0, "the third sentence's list starts with the word")
        #expect(third?.items.count == 3)
        // a passage without a comma, semicolon or slash holds no list
        #expect(ListMention.Layout("Laatu ja arviointi sekä seuranta.").list(start: 0, end: 5) == nil)
    }

    /// Text whose scalars are each a Character is read scalar by scalar, other text Character by Character: both
    /// must find the same lists at the same Character offsets. Decomposed `ä` (a + U+0308, two scalars in one
    /// Character) sends the same sentence down the Character path.
    @Test(arguments: [
        "Teemat: nivelvaiheet, aikuisohjaus, laatu ja verkko-ohjaus. Päätökset, tehtävät, vastuut ja laatu!",
        "Elinkeino-, liikenne- ja ympäristökeskus; työ- ja ajattelutavat, laatu, vastuut ja 3.5 päivää.",
    ])
    func scalarAndCharacterReadingsAgree(text: String) {
        let decomposed = text.replacingOccurrences(of: "ä", with: "a\u{0308}")
        #expect(decomposed.unicodeScalars.count > text.unicodeScalars.count)
        #expect(decomposed.count == text.count)
        let composed = ListMention.Layout(text)
        let other = ListMention.Layout(decomposed)
        var found = 0
        for start in 0..<text.count {
            let a = composed.list(start: start, end: start + 1)
            let b = other.list(start: start, end: start + 1)
            #expect(a?.items == b?.items && a?.hit == b?.hit, "offset \(start)")
            if a != nil { found += 1 }
        }
        #expect(found > 10, "the sentences hold lists")
    }

    @Test func questionsPutToTheReaderDoNotAddressTheGoal() throws {
        let c = try classifier(readerQuestions: Self.markers)
        // a report template's question, with the parenthesis that tells what it asks about
        #expect(!labelled("4. Miten alueellanne on kehitetty ohjauksen laatua?", c))
        #expect(
            !labelled("Miten olette järjestäneet palautteen? Onko arviointi jo käytössä? (esim. laatu, kyselyt).", c))
        #expect(!labelled("Hur har ni utvecklat vägledningens kvalitet?", language: .swedish, c))
        // a question the writer asks states a challenge; a statement after the question still counts
        #expect(labelled("Kenen tehtävä on kehittää ohjauksen laatua?", c))
        #expect(labelled("Miten alueellanne on kehitetty laatua? Ryhmä on laatinut laatukortin.", c))
        // a word ending like a second-person form needs letters before the ending
        #expect(!Self.markers.marks("nne", language: .finnish))
        #expect(Self.markers.marks("yhteistyöryhmänne", language: .finnish))
        // without reader_questions the template's question is labelled
        #expect(labelled("4. Miten alueellanne on kehitetty ohjauksen laatua?", try classifier()))
    }

    /// A question to the reader is a not_addressed sentence: the label is kept as a near-miss.
    @Test func aReaderQuestionLeavesANearMiss() throws {
        let c = try classifier(readerQuestions: Self.markers)
        let all = c.decisionsWithNearMisses([
            Passage(
                page: 1, index: 0, kind: .paragraph, language: .finnish,
                text: "Miten teidän alueellanne arvioidaan ohjauksen laatua?")
        ])
        #expect(all[0].map(\.id) == ["t.laatu"])
        #expect(all[0].first?.belowThreshold == true)
    }
}
