import Testing

@testable import EloNormalisation

/// ICU sentence breaks with Finnish and Swedish abbreviations taken into account.
@Suite struct SentenceSplitterTests {
    /// The abbreviations the issue names; each must keep its sentence going, even before a capital.
    static let required = [
        "mm.", "esim.", "ks.", "ns.", "bl.a.", "t.ex.", "ca.", "yms.", "jne.", "s.k.", "m.fl.",
        "dvs.", "ym.", "ao.", "em.", "vrt.", "eng.", "nk.",
    ]

    @Test(arguments: required)
    func doesNotBreakAfterAbbreviation(_ abbreviation: String) {
        let splitter = SentenceSplitter()
        let text = "Ensimmäinen lause koskee \(abbreviation) Helsinkiä ja muita. Toinen lause alkaa tästä."
        let sentences = splitter.sentences(in: text)
        #expect(sentences.count == 2, "\(sentences)")
        #expect(sentences.first?.hasSuffix("muita.") == true)
        #expect(!splitter.endsSentence("Tämä rivi päättyy \(abbreviation)"))
    }

    @Test func abbreviationListIsDataWithTheRequiredEntries() {
        let list = AbbreviationList.standard
        for abbreviation in Self.required { #expect(list.entries.contains(abbreviation), "\(abbreviation)") }
        let custom = AbbreviationList(text: "# comment\nXyz.\n\n")
        #expect(custom.entries == ["xyz."])
        #expect(custom.endsWithAbbreviation("se on (xyz."))
    }

    @Test(arguments: [
        ("Ohjausta tarjotaan kouluissa. Toinen lause on tässä! Entä kolmas?", 3),
        ("Vi erbjuder bl.a. vägledning. Det gäller t.ex. Åbo och ca. 50 personer.", 2),
        ("Palvelu on avoinna klo. 9–16 arkisin. Tervetuloa.", 2),
        ("Ks. Liite 2. Siinä on lisää tietoa.", 2),
        ("Yksi lause ilman loppupistettä", 1),
        ("", 0),
    ])
    func countsSentences(_ example: (String, Int)) {
        #expect(SentenceSplitter().sentences(in: example.0).count == example.1)
    }

    @Test func keepsSentenceTextIntact() {
        let sentences = SentenceSplitter().sentences(in: "Tämä on esim. hyvä. Å, vad bra!")
        #expect(sentences == ["Tämä on esim. hyvä.", "Å, vad bra!"])
    }

    @Test(arguments: [
        ("Lause päättyy tähän.", true),
        ("Kysymys?", true),
        ("Huuto!”", true),
        ("Lause jatkuu, kun", false),
        ("seuraavat asiat, esim.", false),
        ("som bl.a.", false),
        ("sana mm", false),
        ("vuonna 2014.", true),
    ])
    func decidesLineEnds(_ example: (String, Bool)) {
        #expect(SentenceSplitter().endsSentence(example.0[...]) == example.1)
    }
}
