import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// Finnish, Swedish, English and unknown passages; fi, sv, mixed documents.
@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("Kunnat ja oppilaitokset vastaavat yhdessä siitä, että ohjausta on tarjolla kaikille.", Language.finnish),
        ("Avustuksen saajan on toimitettava selvitys käytöstä määräaikaan mennessä.", .finnish),
        ("Elinikäisen ohjauksen yhteistyöryhmä", .finnish),
        ("Tekijänoikeudet", .finnish),
        ("Kommunerna och läroanstalterna ansvarar tillsammans för att vägledning erbjuds alla.", .swedish),
        ("Mottagaren ska lämna en redovisning av hur understödet har använts.", .swedish),
        ("Samarbetsgruppen för livslång vägledning", .swedish),
        ("Återkrav av statsunderstöd", .swedish),
        ("The municipalities and schools are responsible for offering guidance to everyone.", .english),
        ("OK", .unknown),
        ("12.3.2024", .unknown),
    ])
    func identifiesPassageLanguage(_ example: (String, Language)) {
        #expect(LanguageIdentifier.standard.identify(example.0) == example.1)
    }

    @Test func documentLanguageIsMixedWhenBothHaveAFifth() {
        let identifier = LanguageIdentifier.standard
        #expect(identifier.documentLanguage([(.finnish, 700), (.swedish, 300)]) == .mixed)
        #expect(identifier.documentLanguage([(.finnish, 900), (.swedish, 100)]) == .finnish)
        #expect(identifier.documentLanguage([(.swedish, 500), (.unknown, 5000)]) == .swedish)
        #expect(identifier.documentLanguage([(.unknown, 50)]) == .unknown)
        #expect(identifier.documentLanguage([]) == .unknown)
    }

    @Test func profilesComeFromDataFiles() {
        let profile = LanguageProfile(text: "@stopwords ja on\nOhjaus on tärkeää.\n# kommentti")
        #expect(profile.stopwords == ["ja", "on"])
        var trigrams = 0
        LanguageProfile.forEachTrigram(in: "Ab c") { _ in trigrams += 1 }
        #expect(trigrams == 5)  // "  a", " ab", "ab ", "  c", " c "
    }
}

/// The combined trigram table answers exactly what each profile's own dictionary answers.
@Suite struct TrigramTableTests {
    @Test func tableAgreesWithEveryProfile() {
        let profiles = LanguageIdentifier.standard.profiles.map(\.1)
        let table = TrigramTable(profiles)
        var trigrams: [UInt64] = []
        for profile in profiles { trigrams += profile.logProbabilities.keys }
        LanguageProfile.forEachTrigram(in: "Qxz zzq Ωmega ÿÿÿ 123 brøk"[...]) { trigrams.append($0) }  // mostly unseen
        #expect(trigrams.count > 1000)
        for trigram in trigrams {
            var sums = [Double](repeating: 0, count: profiles.count)
            table.accumulate(trigram, into: &sums)
            #expect(sums == profiles.map { $0.logProbability(trigram) })
        }
    }
}
