import Testing

@testable import EloNormalisation

/// Hunspell's Swedish dictionary, as the hyphen resolver uses it.
@Suite struct SwedishLexiconTests {
    @Test func knowsInflectedAndCompoundedSwedish() throws {
        let lexicon = try SwedishLexicon()
        #expect(lexicon.isWord("vägledningen"))
        #expect(lexicon.isWord("statsunderstödet"))
        #expect(lexicon.isWord("e-post"))
        #expect(!lexicon.isWord("epost"))
        #expect(!lexicon.isWord("ohjauspalvelut"))
    }

    @Test func missingDictionaryIsASetupError() {
        #expect(throws: LexiconError.self) { try SwedishLexicon(dictionary: "xx_NOPE") }
    }
}
