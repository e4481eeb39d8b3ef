import EloCore
import EloTestSupport
import Testing

@testable import EloNormalisation

/// Running headers, footers, page numbers and letterhead in page margins.
@Suite struct RunningHeaderFilterTests {
    typealias Row = NormalisationFixtures.Row

    static func page(_ number: Int, total: Int, footer: String) -> PageText {
        NormalisationFixtures.pdfPage(
            number,
            [
                Row("Valtionavustuksen vakioehdot", y: 30),
                Row("\(number) (\(total))", x: 500, y: 30),
                Row("Tämä on sivun \(number) ensimmäinen kappale, jossa kerrotaan ehdoista.", y: 120),
                Row("Yhteinen väliotsikko", y: 300),
                Row(footer, y: 800, height: 8),
            ])
    }

    @Test func removesRepeatedHeadersFootersAndPageNumbers() {
        let pages = (1...5).map { Self.page($0, total: 5, footer: "Sivu \($0) / 5") }
        let (filtered, removed) = RunningHeaderFilter().run(pages)
        #expect(removed == 15)
        for page in filtered {
            #expect(
                page.lines.map(\.text) == [
                    "Tämä on sivun \(page.number) ensimmäinen kappale, jossa kerrotaan ehdoista.",
                    "Yhteinen väliotsikko",
                ])
        }
    }

    @Test func keepsBandLinesThatDoNotRepeat() {
        var pages = (1...4).map { Self.page($0, total: 4, footer: "Sivu \($0) / 4") }
        pages[2].lines.append(
            TextLine(
                text: "Alaviite: tämä huomautus koskee vain tätä sivua ja sen taulukkoa.",
                box: Box(x: 72, y: 790, width: 400, height: 11)))
        let (filtered, _) = RunningHeaderFilter().run(pages)
        #expect(filtered[2].lines.contains { $0.text.hasPrefix("Alaviite") })
    }

    @Test func keepsRepeatedBodyLinesOutsideTheBands() {
        let pages = (1...4).map { Self.page($0, total: 4, footer: "- \($0) -") }
        let (filtered, _) = RunningHeaderFilter().run(pages)
        #expect(filtered.allSatisfy { $0.lines.contains { $0.text == "Yhteinen väliotsikko" } })
    }

    /// A document of one line a page (`Potato 1`, `Potato 2`, …): the recurring line is all its pages say, so
    /// it is their content, not a running header; the page number beside it still goes.
    @Test func keepsARecurringLineThatIsAllThePageSays() {
        let pages = (1...6).map { number in
            NormalisationFixtures.pdfPage(
                number, [Row("Ohjaamo \(number)", y: 30), Row("\(number)", x: 500, y: 800)])
        }
        let (filtered, removed) = RunningHeaderFilter().run(pages)
        #expect(filtered.map { $0.lines.map(\.text) } == (1...6).map { ["Ohjaamo \($0)"] })
        #expect(removed == 6)
        // Recurring beside text of their own on most pages, it is a running header again, on every page.
        var withBody = pages
        for index in 0..<4 {
            withBody[index].lines.append(
                TextLine(text: "Sivun oma kappale.", box: Box(x: 72, y: 300, width: 300, height: 11)))
        }
        let (refiltered, _) = RunningHeaderFilter().run(withBody)
        #expect(refiltered[0].lines.map(\.text) == ["Sivun oma kappale."])
        #expect(refiltered[5].lines.isEmpty)
    }

    @Test func shortDocumentsNeedTheLineOnEveryPage() {
        let footer = "Opetushallitus, Hakaniemenranta 6, PL 380, 00531 Helsinki"
        let pages = (1...2).map { Self.page($0, total: 2, footer: footer) }
        let (filtered, _) = RunningHeaderFilter().run(pages)
        #expect(filtered.allSatisfy { !$0.lines.contains { $0.text == footer } })
    }

    @Test(arguments: ["12", "- 3 -", "3 (25)", "Sivu 3 / 20", "Sida 2 av 9", "Page 4 of 10", "sivu 7"])
    func recognisesPageNumbers(_ text: String) {
        #expect(RunningHeaderFilter.isPageNumber(RunningHeaderFilter.key(text)))
    }

    @Test(arguments: ["3 hanketta", "Luku 3", "2014–2020 ohjelmakausi"])
    func doesNotTakeTextForPageNumbers(_ text: String) {
        #expect(!RunningHeaderFilter.isPageNumber(RunningHeaderFilter.key(text)))
    }

    @Test func dropsLetterheadInTheMargins() {
        let page = NormalisationFixtures.pdfPage(
            1,
            [
                Row("Ohje valtionavustuksen hakijalle ja käyttäjälle, joka kertoo hakemisesta.", y: 300),
                Row("OPETUSHALLITUS", y: 797, height: 7.5),
                Row("00531 Helsinki", x: 130, y: 807, height: 7.5),
                Row("puhelin 0295 331 000", x: 224, y: 797, height: 7.5),
            ]
                + NormalisationFixtures.bodyRows(
                    Array(repeating: "Leipätekstiä tavallisella koolla.", count: 5), top: 320))
        let (filtered, removed) = RunningHeaderFilter().run([page])
        #expect(removed == 3)
        #expect(filtered[0].lines.count == 6)
    }

    /// Small print in a margin is a note beside the page's own text; on a page with no other text it is the text.
    @Test func smallPrintIsAMarginNoteOnlyBesideText() {
        let body = NormalisationFixtures.pdfPage(
            1,
            [Row("OPETUSHALLITUS", y: 797, height: 7.5)]
                + NormalisationFixtures.bodyRows(
                    Array(repeating: "Leipätekstiä tavallisella koolla.", count: 5), top: 320))
        let alone = NormalisationFixtures.pdfPage(2, [Row("Liite 2: alueen vastaukset", y: 40, height: 7.5)])
        let (filtered, removed) = RunningHeaderFilter().run([body, alone])
        #expect(removed == 1)
        #expect(filtered[1].lines.map(\.text) == ["Liite 2: alueen vastaukset"])
    }

    @Test func plainTextUsesFirstAndLastLines() {
        let pages = (1...3).map {
            NormalisationFixtures.plainPage(
                $0, "ELO-suunnitelma 2014\n\nSisältöä sivulla \($0) ja lisää tekstiä.\n\nsivu \($0)")
        }
        let (filtered, removed) = RunningHeaderFilter().run(pages)
        #expect(removed == 6)
        #expect(filtered.allSatisfy { $0.lines.contains { $0.text.hasPrefix("Sisältöä") } })
    }
}
