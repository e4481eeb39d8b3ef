import Testing

@testable import EloNormalisation

/// Ligatures, invisible characters, whitespace, NFC and stray combining marks.
@Suite struct CharacterNormalisationTests {
    @Test(arguments: [
        ("\u{FB01}nanssi", "finanssi"),
        ("e\u{FB00}ekti", "effekti"),
        ("\u{FB02}ow", "flow"),
        ("o\u{FB03}ce", "office"),
        ("ba\u{FB04}e", "baffle"),
        ("\u{FB05}ory", "story"),
        ("\u{FB06}yle", "style"),
        ("oh\u{AD}jaus\u{AD}palvelut", "ohjauspalvelut"),
        // A soft hyphen ending the line after a letter says the word goes on: it is kept for the joiner.
        ("ohjaus\u{AD}", "ohjaus\u{AD}"),
        ("ohjaus\u{AD} \t", "ohjaus\u{AD}"),
        ("oh\u{AD} jaus", "oh jaus"),
        ("2020\u{AD}", "2020"),
        ("oh\u{200B}jaus\u{200C}\u{200D}\u{2060}\u{FEFF}", "ohjaus"),
        ("ELY-\u{A0}keskus\tja\u{202F}TE  toimisto", "ELY- keskus ja TE toimisto"),
        ("  alku ja\n loppu \r\n", "alku ja loppu"),
    ])
    func cleansCharacters(_ example: (String, String)) {
        #expect(UnicodeCleaner.clean(example.0) == example.1)
    }

    @Test(arguments: [
        ("ta\u{308}ma\u{308}", "tämä"),  // combining diaeresis composes (NFC)
        ("Ha\u{308}meenlinna", "Hämeenlinna"),
        ("\u{E5}\u{30A}terbetalning", "återbetalning"),  // stray extra ring after a precomposed å
        ("\u{C5}\u{30A}land", "Åland"),
        ("o\u{308}\u{308}ljy", "öljy"),  // a doubled mark is one too many
        ("n\u{303}", "ñ"),  // a mark the letter lacks is composed, not dropped
        ("caf\u{E9}", "café"),
        ("plain ascii", "plain ascii"),
    ])
    func normalisesThroughICU(_ example: (String, String)) {
        let result = UnicodeCleaner.normalise(example.0)
        #expect(result == example.1)
        #expect(Array(result.unicodeScalars) == Array(example.1.unicodeScalars))
    }

    @Test(arguments: [
        ("\u{F0B7} Ohjauspalvelut", "Ohjauspalvelut"),
        ("\u{F0A7}Neuvonta", "Neuvonta"),
        ("\u{F076} Tieto", "Tieto"),
        ("\u{F0D8} Ohjaus", "Ohjaus"),
        ("\u{F0FC} Valmis", "Valmis"),
        ("• Kunnat", "Kunnat"),
        ("◦ Oppilaitokset", "Oppilaitokset"),
        ("▪ Kommunerna", "Kommunerna"),
        ("■ Aktörer", "Aktörer"),
        ("● ELY-keskukset", "ELY-keskukset"),
        ("– TE-toimistot", "TE-toimistot"),
        ("- Yritykset", "Yritykset"),
        ("➢ Nuoret", "Nuoret"),
        ("✓ Aikuiset", "Aikuiset"),
        ("* Muut", "Muut"),
    ])
    func stripsListMarkers(_ example: (String, String)) {
        #expect(ListMarker.strip(example.0) == example.1)
    }

    @Test(arguments: ["-2014", "–vuotinen", "Ohjaus", "2014 - 2020", "*tähti", "oma"])
    func leavesOrdinaryLineStarts(_ line: String) {
        #expect(ListMarker.strip(line) == nil)
    }

    @Test func recognisesLoneBullets() {
        #expect(ListMarker.isLoneBullet("\u{F0B7}"))
        #expect(ListMarker.isLoneBullet("•"))
        #expect(!ListMarker.isLoneBullet("a"))
    }

    @Test func removesTableOfContentsLeaders() {
        #expect(PassageSegmenter.removingDotLeaders("1.2 Yleistä ........ 3") == "1.2 Yleistä 3")
        #expect(PassageSegmenter.removingDotLeaders("Loppu… ja jne.") == "Loppu… ja jne.")
    }
}
