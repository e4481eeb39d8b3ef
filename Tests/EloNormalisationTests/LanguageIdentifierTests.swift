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

    /// The fi/sv pairs of real PDFs must come out right for every passage of 60+ characters. Until the
    /// project's extractor is on main, this reads the JSON the lead's tooling writes to
    /// `ELO_NORM_PAIRS_DIR` (ExtractedText per file, names ending `_fi.pdf.json` / `_sv.pdf.json`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ELO_NORM_PAIRS_DIR"] != nil, "set ELO_NORM_PAIRS_DIR"))
    func realPairsComeOutRight() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ELO_NORM_PAIRS_DIR"]!)
        let normaliser = try DocumentNormaliser()
        var checked = 0, correct = 0
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            let name = file.lastPathComponent
            let expected: Language? = name.hasSuffix("_fi.pdf.json") ? .finnish : name.hasSuffix("_sv.pdf.json") ? .swedish : nil
            guard let expected else { continue }
            let extracted = try JSONDecoder().decode(ExtractedText.self, from: Data(contentsOf: file))
            for passage in normaliser.run(extracted).passages where passage.text.count >= 60 {
                checked += 1
                if passage.language == expected { correct += 1 }
            }
        }
        #expect(checked > 0)
        #expect(correct == checked, "\(correct) of \(checked)")
    }
}
