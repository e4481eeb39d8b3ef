import Testing

@testable import EloClassification

/// Infinitive guesses for participles (checked against the dictionary by `WordAnalyser`).
@Suite struct ParticipleVerbTests {
    @Test(arguments: [
        ("perustettu", "perustaa"), ("aloitettu", "aloittaa"), ("avattu", "avata"), ("sovittu", "sopia"),
        ("arvioitu", "arvioida"), ("suunniteltu", "suunnitella"), ("perustanut", "perustaa"),
        ("avannut", "avata"), ("keskustellut", "keskustella"), ("koordinoiva", "koordinoida"), ("annettu", "antaa"),
    ])
    func candidatesIncludeTheVerb(participle: String, verb: String) {
        #expect(ParticipleVerb.candidates(participle).contains(verb))
    }

    @Test func shortAndOtherWordsGiveNoCandidates() {
        #expect(ParticipleVerb.candidates("työ").isEmpty)
        #expect(ParticipleVerb.candidates("ohjaamo").isEmpty)
    }
}
