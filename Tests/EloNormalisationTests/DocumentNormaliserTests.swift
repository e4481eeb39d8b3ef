import EloCore
import EloTestSupport
import Testing

@testable import EloNormalisation

/// The stage end to end: raw pages in, a Document of passages out.
@Suite struct DocumentNormaliserTests {
    typealias Row = NormalisationFixtures.Row

    static func pages() -> [PageText] {
        (1...3).map { number in
            NormalisationFixtures.pdfPage(
                number,
                [
                    Row("ELO-toimintasuunnitelma 2014", y: 30),
                    Row("\(number) (3)", x: 500, y: 30),
                    Row("Alueellinen ohjaus", y: 90, height: 16),
                    Row("Alueellinen yhteistyöryhmä kehittää ohjaus-", y: 120),
                    Row("palveluja yhdessä TE-", y: 134),
                    Row("toimistojen ja oppi\u{AD}laitosten kanssa. Ryhmä huolehtii mm.", y: 148),
                    Row("ammatillisen \u{FB01}nanssin ja nuoriso- ja sosiaali-", y: 162),
                    Row("palvelujen yhteistyöstä.", y: 176, width: 130),
                    Row("\u{F0B7} Ha\u{308}meenlinnan seutu", x: 90, y: 190),
                    Row("Sivu \(number) / 3", y: 805),
                ])
        }
    }

    @Test func turnsPagesIntoPassages() throws {
        let document = try DocumentNormaliser().run(
            NormalisationFixtures.extracted(
                Self.pages(),
                diagnostics: [Diagnostic(id: "extraction.font", severity: .info, message: "x")]))
        #expect(document.pages == 3)
        #expect(document.language == .finnish)
        #expect(document.method == .textLayer && document.status == .ok)
        #expect(document.diagnostics.map(\.id) == ["extraction.font"])
        let first = document.passages.filter { $0.page == 1 }
        #expect(first.map(\.kind) == [.heading, .paragraph, .listItem])
        #expect(first.map(\.index) == [0, 1, 2])
        #expect(
            first[1].text
                == "Alueellinen yhteistyöryhmä kehittää ohjauspalveluja yhdessä TE-toimistojen ja oppilaitosten kanssa. Ryhmä huolehtii mm. ammatillisen finanssin ja nuoriso- ja sosiaalipalvelujen yhteistyöstä."
        )
        #expect(first[2].text == "Hämeenlinnan seutu")
        #expect(first.allSatisfy { $0.language == .finnish })
        #expect(!document.passages.contains { $0.text.contains("Sivu") || $0.text.contains("2014") })
    }

    /// Passages of an OCR'd page carry that page's recogniser confidence; the document its mean.
    @Test func ocrConfidenceReachesPassagesAndDocument() throws {
        var pages = Self.pages()
        pages[1].ocrConfidence = 0.87
        var extracted = NormalisationFixtures.extracted(pages)
        extracted.ocrConfidence = 0.9
        let document = try DocumentNormaliser().run(extracted)
        #expect(document.ocrConfidence == 0.9)
        #expect(document.passages.filter { $0.page == 2 }.allSatisfy { $0.ocrConfidence == 0.87 })
        #expect(document.passages.filter { $0.page != 2 }.allSatisfy { $0.ocrConfidence == nil })
    }

    @Test func reportsReadableDocumentsWithoutText() throws {
        let empty = NormalisationFixtures.extracted([NormalisationFixtures.plainPage(1, "\n  \n")], method: .plainText)
        let document = try DocumentNormaliser().run(empty)
        #expect(document.passages.isEmpty)
        #expect(document.language == .unknown)
        #expect(document.encoding == "utf-8")
        #expect(document.diagnostics.map(\.id) == ["normalisation.no-text"])
    }

    @Test func leavesUnreadableDocumentsWithoutNewFindings() throws {
        let failed = NormalisationFixtures.extracted(
            [], status: .needsPassword,
            diagnostics: [Diagnostic(id: "extraction.encrypted", severity: .error, message: "x")])
        let document = try DocumentNormaliser().run(failed)
        #expect(document.status == .needsPassword)
        #expect(document.diagnostics.map(\.id) == ["extraction.encrypted"])
    }

    @Test func marksBilingualDocumentsMixed() throws {
        let text = """
            Kunnat ja oppilaitokset vastaavat yhdessä siitä, että ohjausta on tarjolla kaikille alueen asukkaille.

            Kommunerna och läroanstalterna ansvarar tillsammans för att vägledning erbjuds alla invånare i regionen.
            """
        let document = try DocumentNormaliser().run(
            NormalisationFixtures.extracted([NormalisationFixtures.plainPage(1, text)], method: .plainText))
        #expect(document.passages.map(\.language) == [.finnish, .swedish])
        #expect(document.language == .mixed)
    }

    /// Hyphens other than `-` at a line's end: a soft hyphen is a layout break (joined, never shown), a
    /// non-breaking hyphen is decided as `-` is, an en dash between numbers stays glued to them.
    @Test func joinsLinesBrokenAtSoftAndNonBreakingHyphens() throws {
        let text = [
            "Ryhmä kehittää ohjaus\u{AD}", "palveluja vuosina 2014\u{2013}", "2020 ja opinto\u{2011}",
            "ohjausta kehittä\u{2011}", "mällä.", "", "Toinen kappale päättyy tavu\u{AD}",
        ].joined(separator: "\n")
        let document = try DocumentNormaliser().run(
            NormalisationFixtures.extracted([NormalisationFixtures.plainPage(1, text)], method: .plainText))
        #expect(
            document.passages.map(\.text) == [
                "Ryhmä kehittää ohjauspalveluja vuosina 2014\u{2013}2020 ja opinto\u{2011}ohjausta kehittämällä.",
                "Toinen kappale päättyy tavu",
            ])
    }
}
