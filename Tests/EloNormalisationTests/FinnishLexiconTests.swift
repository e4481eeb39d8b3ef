import Testing

@testable import EloNormalisation

@Suite struct FinnishLexiconTests {
    @Test func analysesInflectedCompoundIntoBaseFormAndParts() throws {
        let lexicon = try FinnishLexicon()
        let readings = lexicon.analyse("ohjauspalvelujen")
        #expect(readings.contains { $0.baseForm == "ohjauspalvelu" })
        #expect(readings.contains { $0.compoundParts == ["ohjaus", "palvelu"] })
    }

    @Test func spellChecksWords() throws {
        let lexicon = try FinnishLexicon()
        #expect(lexicon.isWord("ohjauspalvelut"))
        #expect(!lexicon.isWord("ohjauspalvelutxq"))
    }

    @Test func splitsCompoundsByStructure() {
        #expect(
            FinnishLexicon.compoundParts(
                word: "ohjauspalvelujen", structure: "=pppppp=pppppppppp", baseForm: "ohjauspalvelu") == [
                    "ohjaus", "palvelu",
                ])
        #expect(
            FinnishLexicon.compoundParts(word: "opinto-ohjaus", structure: "=pppppp-=pppppp", baseForm: "opinto-ohjaus")
                == ["opinto", "ohjaus"])
        #expect(
            FinnishLexicon.compoundParts(word: "toimisto", structure: "=pppppppp", baseForm: "toimisto") == ["toimisto"]
        )
    }
}

@Suite struct SnowballStemmerTests {
    @Test func stemsSwedishInflections() throws {
        let stemmer = try SnowballStemmer(algorithm: "swedish")
        #expect(stemmer.stem("Vägledningen") == stemmer.stem("vägledning"))
    }
}
