import EloCore
import Testing

@testable import EloClassification
@testable import EloSettings

/// Per-label thresholds and the anchor's section context and list-item rule (ohjaamo: a passage
/// under an "Ohjaamo" heading is about Ohjaamo; "Ohjaamo" as one item of a list of places is not).
@Suite struct ContextRuleTests {
    func classifier(
        labelThreshold: Double? = nil, anchor: Anchor? = nil, notAddressed: [Cue] = [],
        ignoresNotAddressed: Bool = false
    ) throws -> PassageClassifier {
        let cues = [
            Cue(term: "matala kynnys", language: .finnish, weight: 1),
            Cue(term: "nuori", language: .finnish, weight: 0.5),
        ]
        let label = LabelDefinition(
            id: "t.x", nameFi: "x", nameSv: "x", definition: "x", cues: cues, threshold: labelThreshold,
            ignoresNotAddressed: ignoresNotAddressed)
        let set = LabelSet(
            id: "t", nameFi: "t", nameSv: "t", file: "t.yaml", anchor: anchor, notAddressed: notAddressed,
            labels: [label])
        return try PassageClassifier(
            configuration: PipelineConfiguration(file: "p.yaml", name: "p", labelSets: [set], threshold: 0.5))
    }

    func passages(_ items: [(Passage.Kind, String)]) -> [Passage] {
        items.enumerated().map {
            Passage(page: 1, index: $0.offset, kind: $0.element.0, language: .finnish, text: $0.element.1)
        }
    }

    @Test(arguments: [(nil as Double?, true), (0.3, true), (0.7, false)])
    func labelThresholdOverridesThePipelines(threshold: Double?, labelled: Bool) throws {
        // one cue of weight 1 scores 0.632: above 0.5 and 0.3, below 0.7
        let decisions = try classifier(labelThreshold: threshold).classify(
            passages([(.paragraph, "Matalan kynnyksen paikka.")]))
        #expect(decisions[0].isEmpty == !labelled)
    }

    /// A label below its threshold is not given, but comes back as a near-miss, with its evidence, when it
    /// reaches the near-miss score.
    @Test func subThresholdLabelsAreNearMissesNotLabels() throws {
        let c = try classifier(labelThreshold: 0.7)  // "matala kynnys" alone scores 0.632
        let text = passages([(.paragraph, "Matalan kynnyksen paikka."), (.paragraph, "Nuorten paikka on tässä.")])
        #expect(c.classify(text).allSatisfy { $0.isEmpty })
        let all = c.decisionsWithNearMisses(text)
        #expect(all[0].map(\.id) == ["t.x"])
        #expect(all[0].first?.belowThreshold == true)
        #expect(all[0].first?.evidence.isEmpty == false)
        #expect(
            all[1].map(\.score) == [0.393], "'nuori' alone (weight 0.5) scores 0.393, above the near-miss score 0.25")
        #expect(all[1].first?.belowThreshold == true)
    }

    @Test func titleLikeParagraphsAreNotLabelled() throws {
        let decisions = try classifier().classify(
            passages([
                (.paragraph, "Matalan kynnyksen palvelu"),  // a title the segmentation missed
                (.paragraph, "Matalan kynnyksen palvelu avattiin."),  // a sentence
                (.listItem, "matalan kynnyksen palvelu"),  // a point of a list
                (.paragraph, "etusivu matalan kynnyksen palvelu yhteystiedot"),  // a navigation line
                (.paragraph, "Matalan kynnyksen palvelussa voit:"),  // a lead-in: what follows says it
                // a short sentence, its quote closed after the stop
                (.paragraph, "Se on \"matalan kynnyksen palvelu.\""),
            ]))
        #expect(decisions.map(\.isEmpty) == [true, false, false, true, true, false])
        #expect(
            PassageClassifier.isTitleLike(
                Passage(
                    page: 1, index: 0, kind: .paragraph, language: .finnish,
                    text: "Laadukas ja yhdenvertainen ohjaus")))
        // only words with letters count: a bilingual title with a slash is still a title
        #expect(
            PassageClassifier.isTitleLike(
                Passage(
                    page: 1, index: 0, kind: .paragraph, language: .finnish,
                    text: "Verkosto ja osaaminen / Nätverk och kompetens")))
    }

    /// Cue words in a sentence that only postpones or discusses do not count; the rest of the passage
    /// does, and a label left below its threshold is a near-miss.
    @Test func sentencesThatOnlyDeferDoNotCount() throws {
        let phrases = [Cue(term: "keskusteltu", language: .finnish), Cue(term: "siirtyä vuosi", language: .finnish)]
        let text = passages([
            (.paragraph, "Matalan kynnyksen palvelusta on keskusteltu ryhmässä."),
            (.paragraph, "Matalan kynnyksen palvelu siirtyy vuoden 2015 suunnitelmaan. Nuoret odottavat."),
            (.paragraph, "Ryhmä on keskusteltu asiasta. Matalan kynnyksen palvelu avattiin syksyllä."),
        ])
        let c = try classifier(notAddressed: phrases)
        #expect(c.classify(text).map(\.isEmpty) == [true, true, false])
        let all = c.decisionsWithNearMisses(text)
        #expect(all[0].first?.belowThreshold == true)
        #expect(
            all[2].first?.evidence.map(\.text) == ["Matalan kynnyksen"], "only the hit outside the deferring sentence")
        // a label may opt out
        #expect(
            try classifier(notAddressed: phrases, ignoresNotAddressed: true).classify(text).allSatisfy { !$0.isEmpty })
    }

    @Test func sectionAnchorReachesTheHeadingAndThePassageBefore() throws {
        let anchor = Anchor(cues: [Cue(term: "ohjaamo", language: .finnish)], context: 0, section: true)
        let c = try classifier(anchor: anchor)
        let decisions = c.classify(
            passages([
                (.heading, "Ohjaamo Keski-Suomessa"),
                (.paragraph, "Avattiin syksyllä."),
                (.paragraph, "Palvelu on matalan kynnyksen paikka."),  // heading is 2 back: found through the section
                (.heading, "Muut palvelut"),
                (.paragraph, "Kurssi on matalan kynnyksen paikka."),  // new section without Ohjaamo
                (.paragraph, "Ohjaamossa käy paljon väkeä."),
                (.paragraph, "Se on matalan kynnyksen paikka."),  // the passage before mentions it
            ]))
        #expect(decisions[2].first?.anchor?.passage == -2)
        #expect(decisions[4].isEmpty)
        #expect(decisions[6].first?.anchor?.passage == -1)
        // without `section` only the passage itself counts
        let plain = try classifier(anchor: Anchor(cues: anchor.cues, context: 0)).classify(
            passages([
                (.heading, "Ohjaamo"), (.paragraph, "Matalan kynnyksen paikka."),
            ]))
        #expect(plain[1].isEmpty)
    }

    @Test func anchorInAListOfPlacesDoesNotCount() throws {
        let anchor = Anchor(cues: [Cue(term: "ohjaamo", language: .finnish)], context: 0, ignoreListItems: true)
        let c = try classifier(anchor: anchor)
        let decisions = c.classify(
            passages([
                (.paragraph, "Matalan kynnyksen palveluja tarjoavat TE-toimisto, Ohjaamo, kirjasto ja oppilaitokset."),
                (.paragraph, "Ohjaamo on matalan kynnyksen paikka, jonne voi tulla ilman ajanvarausta."),
            ]))
        #expect(decisions[0].isEmpty)
        #expect(decisions[1].map(\.id) == ["t.x"])
    }

    /// With `from_anchor_sentence`, what a passage says before it first names the Ohjaamo is not about the
    /// Ohjaamo — unless the Ohjaamo was named before the passage (its section's heading, the paragraph it
    /// continues). The sentence that names it, and the sentences after it, count.
    @Test func cuesBeforeTheSentenceNamingTheAnchorDoNotCount() throws {
        let cues = [Cue(term: "ohjaamo", language: .finnish)]
        let text = passages([
            (.heading, "Nuorten palvelut"),
            (
                .paragraph,
                "Matalan kynnyksen palveluja on kaupungissa jo nyt. Ohjaamo-mallia tarkastellaan ensi vuonna."
            ),
            (.listItem, "Ohjaamo avataan syksyllä. Se on matalan kynnyksen paikka."),
            (.listItem, "Ohjaamo on matalan kynnyksen paikka."),
            (.heading, "Ohjaamo"),
            (.paragraph, "Matalan kynnyksen paikka avattiin. Ohjaamossa käy paljon väkeä."),
        ])
        let ruled = try classifier(anchor: Anchor(cues: cues, context: 0, section: true, fromAnchorSentence: true))
            .classify(text)
        #expect(ruled.map { $0.map(\.id) } == [[], [], ["t.x"], ["t.x"], [], ["t.x"]])
        #expect(ruled[2].first?.evidence.map(\.text) == ["matalan kynnyksen"])
        #expect(
            ruled[5].first?.evidence.map(\.text) == ["Matalan kynnyksen"],
            "named in the heading: the whole passage is about it")
        // without the rule the whole passage counts wherever it names the anchor
        let plain = try classifier(anchor: Anchor(cues: cues, context: 0, section: true)).classify(text)
        #expect(plain.map { $0.map(\.id) } == [[], ["t.x"], ["t.x"], ["t.x"], [], ["t.x"]])
    }

    @Test(arguments: [
        ("Kumppaneita ovat TE-toimisto, Ohjaamo, kunta ja oppilaitokset.", "Ohjaamo", true),
        ("Tietoa saatiin Kelalta, Ohjaamosta ja ELY:n tilastoista.", "Ohjaamosta", true),
        ("Ohjaamo, joka avattiin 2015, palvelee alle 30-vuotiaita.", "Ohjaamo", false),
        ("Ohjaamo tarjoaa ohjausta, neuvontaa ja tukea nuorille.", "Ohjaamo", false),
        ("Tukea antavat kunta, seurakunta sekä Ohjaamo.", "Ohjaamo", true),
        // no comma: not a list
        ("Tavoitteena on Ohjaamon ja verkko-ohjauksen kehittäminen sekä arviointi.", "Ohjaamon", false),
        ("Kirjasto, museo ja teatteri. Ohjaamo aloitti toimintansa keväällä.", "Ohjaamo", false),
    ])
    func enumerationItems(text: String, word: String, isItem: Bool) {
        let characters = Array(text)
        let start =
            (0...(characters.count - word.count)).first { String(characters[$0..<$0 + word.count]) == word } ?? 0
        #expect(Enumeration.isListItem(text, start: start, end: start + word.count) == isItem)
    }
}
