import EloCore
import Testing

@testable import EloClassification
@testable import EloSettings

/// `given_with:`: without the labels of `all` a label is not given (its own decision stays a near-miss); with them
/// and one of `any` it is given, with their evidence, even without its own words; with `all` alone its own decision
/// stands; a condition naming a label the pipeline lacks is left out.
@Suite struct ConditionedLabelTests {
    static func label(_ id: String, _ term: String, givenWith: LabelCondition? = nil) -> LabelDefinition {
        var label = LabelDefinition(
            id: id, nameFi: id, nameSv: id, definition: id, cues: [Cue(term: term, language: .finnish, weight: 1)])
        label.givenWith = givenWith
        return label
    }

    static let competence = LabelSet(
        id: "a", nameFi: "a", nameSv: "a", file: "a.yaml",
        labels: [label("a.osaaminen", "osaaminen"), label("a.verkosto", "verkosto"), label("a.laatu", "laatu")])
    static let shared = LabelSet(
        id: "b", nameFi: "b", nameSv: "b", file: "b.yaml",
        labels: [
            label(
                "b.yhdessa", "koulutus",
                givenWith: LabelCondition(all: ["a.osaaminen"], any: ["a.verkosto", "a.laatu"]))
        ])

    func labels(_ text: String, sets: [LabelSet]) throws -> [LabelDecision] {
        let classifier = try PassageClassifier(
            configuration: PipelineConfiguration(file: "p.yaml", name: "p", labelSets: sets, threshold: 0.5))
        return classifier.classify([Passage(page: 1, index: 0, kind: .paragraph, language: .finnish, text: text)])[0]
    }

    @Test func givenWhereItsConditionHoldsWithTheEvidenceOfTheLabelsThatMadeIt() throws {
        let found = try labels("Ohjaajien osaaminen kasvaa verkostossa yhdessä.", sets: [Self.competence, Self.shared])
        #expect(found.map(\.id) == ["a.osaaminen", "a.verkosto", "b.yhdessa"])
        let derived = try #require(found.last)
        #expect(Set(derived.evidence.map(\.cue)) == ["osaaminen", "verkosto"])
        #expect(!derived.belowThreshold && derived.score == found[0].score)
    }

    @Test func itsOwnCueWordsDoNotGiveItWithoutTheLabelsOfAll() throws {
        // its own cue (koulutus), a label of `any`, but not a.osaaminen: not given, only a near-miss
        let text = "Ohjaajien koulutus ja verkosto."
        let classifier = try PassageClassifier(
            configuration: PipelineConfiguration(
                file: "p.yaml", name: "p", labelSets: [Self.competence, Self.shared], threshold: 0.5))
        let found = classifier.decisionsWithNearMisses([
            Passage(page: 1, index: 0, kind: .paragraph, language: .finnish, text: text)
        ])[0]
        #expect(found.map(\.id) == ["a.verkosto", "b.yhdessa"])
        #expect(found.map(\.belowThreshold) == [false, true])
        #expect(found.last?.evidence.map(\.cue) == ["koulutus"])
        #expect(try labels(text, sets: [Self.competence, Self.shared]).map(\.id) == ["a.verkosto"])
    }

    @Test func withTheLabelsOfAllAloneItsOwnDecisionStands() throws {
        let sets = [Self.competence, Self.shared]
        let found = try labels("Ohjaajien osaaminen kasvaa koulutuksessa.", sets: sets)
        #expect(found.map(\.id) == ["a.osaaminen", "b.yhdessa"])
        #expect(found.last?.evidence.map(\.cue) == ["koulutus"])
        #expect(try labels("Ohjaajien osaaminen kasvaa.", sets: sets).map(\.id) == ["a.osaaminen"])
    }

    @Test func itsOwnCueWordsJoinTheEvidenceWhenTheConditionHolds() throws {
        let found = try labels(
            "Ohjaajien osaaminen kasvaa koulutuksessa ja laatu paranee.", sets: [Self.competence, Self.shared])
        #expect(found.map(\.id) == ["a.osaaminen", "a.laatu", "b.yhdessa"])
        #expect(Set(found.last?.evidence.map(\.cue) ?? []) == ["osaaminen", "koulutus", "laatu"])
    }

    @Test func aConditionOnLabelsThePipelineLacksIsLeftOut() throws {
        let found = try labels("Ohjaajien koulutus jatkuu.", sets: [Self.shared])
        #expect(found.map(\.id) == ["b.yhdessa"])
    }
}
