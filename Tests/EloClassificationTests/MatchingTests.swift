import EloCore
import Testing

@testable import EloClassification
@testable import EloSettings

/// Cue matching through Voikko (Finnish) and Snowball plus the hand list (Swedish), and evidence.
@Suite struct MatchingTests {
    func classifier(
        fi: [String: Double] = [:], sv: [String: Double] = [:], mode: MatchingMode = .morphology,
        anchor: Anchor? = nil, lexicon: HandLexicon = HandLexicon(swedish: ["navigatorn": "navigator"])
    ) throws -> PassageClassifier {
        let cues =
            fi.map { Cue(term: $0.key, language: .finnish, weight: $0.value) }
            + sv.map { Cue(term: $0.key, language: .swedish, weight: $0.value) }
        let label = LabelDefinition(id: "t.x", nameFi: "x", nameSv: "x", definition: "x", cues: cues)
        let set = LabelSet(id: "t", nameFi: "t", nameSv: "t", file: "t.yaml", anchor: anchor, labels: [label])
        let configuration = PipelineConfiguration(
            file: "p.yaml", name: "p", labelSets: [set], threshold: 0.5, lexicon: lexicon)
        return try PassageClassifier(configuration: configuration, mode: mode)
    }

    /// The evidence found in `text` as a list item (short paragraphs without a full stop are titles,
    /// which are never labelled — see ContextRuleTests).
    func evidence(_ classifier: PassageClassifier, _ text: String, _ language: Language = .finnish) -> [Evidence] {
        classifier.classify([Passage(page: 1, index: 0, kind: .listItem, language: language, text: text)]).first?.first?
            .evidence ?? []
    }

    @Test(arguments: [
        ("ohjauspalvelu", "Alueen ohjauspalvelujen saatavuus", "ohjauspalvelujen"),  // inflected compound
        ("palvelu", "Alueen ohjauspalvelujen saatavuus", "ohjauspalvelujen"),  // last compound part
        ("ohjaus", "Alueen ohjauspalvelujen saatavuus", "ohjauspalvelujen"),  // first compound part
        ("ohjaamo", "Nuoria palvellaan Ohjaamoissa kaikkialla", "Ohjaamoissa"),  // inflected, capitalised
        ("osaaminen", "Tuetaan ohjausosaamisen kehittämistä", "ohjausosaamisen"),  // -minen noun Voikko reads as osata
        ("osaaminen", "ohjaajien osaamisen kehittäminen", "osaamisen"),
        ("te-toimisto", "yhteistyö TE-toimistojen kanssa", "TE-toimistojen"),  // hyphenated, unanalysed
        ("toimisto", "yhteistyö TE-toimistojen kanssa", "TE-toimistojen"),
        ("ely", "ELY:n vastuulla on", "ELY:n"),  // colon case ending
        ("ohjaamomalli", "Ohjaamo-mallin toteuttaminen", "Ohjaamo-mallin"),  // hyphen variant of compound
        ("matala kynnys", "palvelupiste on matalan kynnyksen paikka", "matalan kynnyksen"),  // phrase
        ("nuorisotakuu", "nuorisotakuun toteutus", "nuorisotakuun"),  // ambiguous analyses kept
        ("laatu*", "laatujärjestelmien rakentaminen", "laatujärjestelmien"),  // wildcard
        ("ohjauksen laatu*", "ohjauksen laatujärjestelmät", "ohjauksen laatujärjestelmät"),  // wildcard inside a phrase
        ("ohjauspalvelu", "ohjaus- ja neuvontapalvelut", "ohjaus"),  // suspended compound part
        ("perustaa", "Ohjaamo on perustettu vuonna 2014", "perustettu"),  // participles Voikko reads
        ("sopia", "Ryhmässä on sovittu työnjaosta", "sovittu"),  // as words of their own
        ("suunnitella", "toiminta on suunniteltu yhdessä", "suunniteltu"),
        ("koordinoida", "koordinoiva ryhmä", "koordinoiva"),
    ])
    func finnishCueMatches(cue: String, text: String, matched: String) throws {
        let found = evidence(try classifier(fi: [cue: 1]), text)
        #expect(found.map(\.text) == [matched])
    }

    @Test(arguments: [
        ("palvelu", "palvelinten huolto"),  // a different word sharing letters
        ("osaaminen", "osaavan työvoiman saatavuus"),
        ("laatu", "laatikko on tyhjä"),
    ])
    func finnishCueDoesNotMatchUnrelatedWords(cue: String, text: String) throws {
        #expect(evidence(try classifier(fi: [cue: 1]), text).isEmpty)
    }

    @Test(arguments: [
        ("vägledning", "Vägledningen i regionen", "Vägledningen"),
        ("navigator", "Navigatorn i Vasa", "Navigatorn"),  // hand list
        ("tjänst", "nya vägledningstjänster", "vägledningstjänster"),  // compound split at known stem
        ("vägledning", "nya vägledningstjänster", "vägledningstjänster"),
        ("låg tröskel", "en låg tröskel för unga", "låg tröskel"),
        ("utbud", "utbudet av vägledning", "utbudet"),  // neuter definite -et
        ("vägled*", "vägledarnas nätverk", "vägledarnas"),  // wildcard
        ("modersmål", "vägledning på modersmålet", "modersmålet"),
        ("ojämn", "utbudet är ojämnt", "ojämnt"),  // neuter adjective -t
        ("tillgänglig", "vägledning är tillgängligt för alla", "tillgängligt"),
    ])
    func swedishCueMatches(cue: String, text: String, matched: String) throws {
        let found = evidence(try classifier(sv: [cue: 1].merging(["tjänst": 0.01]) { a, _ in a }), text, .swedish)
        #expect(found.filter { $0.cue == cue }.map(\.text) == [matched])
    }

    @Test func evidenceOffsetsAreCharacterOffsetsIntoThePassage() throws {
        let text = "Ålands ﬁ\u{0301}rst: ohjauksen laadun arviointi ja laatu."
        let found = evidence(try classifier(fi: ["laatu": 1]), text)
        #expect(found.count == 2)
        for item in found {
            #expect(String(Array(text)[item.start..<item.end]) == item.text)
        }
        #expect(found.map(\.text) == ["laadun", "laatu"])
    }

    @Test func scoreGrowsWithCueWeightsAndNegativeCuesSubtract() throws {
        let c = try classifier(fi: ["laatu": 1, "arviointi": 0.5, "työvoima": -2])
        let decisions = c.classify([
            Passage(page: 1, index: 0, kind: .paragraph, language: .finnish, text: "Laatu paranee."),
            Passage(page: 1, index: 1, kind: .paragraph, language: .finnish, text: "Laatu ja arviointi paranevat."),
            Passage(page: 1, index: 2, kind: .paragraph, language: .finnish, text: "Työvoiman laatu paranee."),
        ])
        #expect(decisions[0].first?.score == 0.632)
        #expect(decisions[1].first?.score == 0.777)
        #expect(decisions[2].isEmpty)
    }

    @Test func anchorIsRequiredInPassageOrContext() throws {
        let anchor = Anchor(cues: [Cue(term: "ohjaamo", language: .finnish)], context: 1)
        let c = try classifier(fi: ["matala kynnys": 1], anchor: anchor)
        let passages = [
            "Kurssi on matalan kynnyksen paikka.", "Muuta.", "Ohjaamo avattiin.", "Matalan kynnyksen palvelu.",
        ]
        .enumerated().map { Passage(page: 1, index: $0.offset, kind: .paragraph, language: .finnish, text: $0.element) }
        let decisions = c.classify(passages)
        #expect(decisions[0].isEmpty)
        #expect(
            decisions[3].first?.anchor == AnchorEvidence(cue: "ohjaamo", text: "Ohjaamo", passage: -1, start: 0, end: 7)
        )
    }

    @Test func headingsAloneAreNotLabelledAndTheMostSpecificCueDecides() throws {
        let c = try classifier(fi: ["laatu": 1, "yhteistyö": 0.8, "yhteistyöryhmä": 0.2])
        let heading = Passage(page: 1, index: 0, kind: .heading, language: .finnish, text: "Laadun kehittäminen")
        let body = Passage(page: 1, index: 1, kind: .paragraph, language: .finnish, text: "Laadun kehittäminen jatkuu.")
        let group = Passage(
            page: 1, index: 2, kind: .paragraph, language: .finnish, text: "Yhteistyöryhmän raportti valmistui.")
        let decisions = c.classify([heading, body, group])
        #expect(decisions[0].isEmpty)
        #expect(decisions[1].map(\.id) == ["t.x"])
        // yhteistyö is found inside yhteistyöryhmä, but only the more specific cue (0.2) counts
        #expect(decisions[2].isEmpty)
    }

    @Test func substringBaselineMissesInflectedForms() throws {
        let c = try classifier(fi: ["laatu": 1, "ohjaamo": 1], mode: .substring)
        let found = evidence(c, "laadun kehittäminen Ohjaamoissa")
        #expect(found.map(\.text) == ["Ohjaamo"])
    }
}
