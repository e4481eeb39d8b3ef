import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// Lines into headings, paragraphs and list items, by geometry (PDF) and by blank lines (plain text).
@Suite struct PassageSegmenterTests {
    typealias Row = NormalisationFixtures.Row

    static func segment(_ pages: [PageText]) -> [SegmentedPassage] {
        PassageSegmenter(splitter: SentenceSplitter()).run(pages)
    }

    @Test func groupsPDFLinesByGeometry() {
        let page = NormalisationFixtures.pdfPage(
            1,
            [
                Row("2.1 Hyväksyttävät kustannukset", y: 72, height: 14),
                Row("Hyväksyttäviä kustannuksia ovat hankkeen toteuttamisesta aiheutuvat kohtuulliset", y: 100),
                Row("kulut, kuten palkat ja matkat, sekä esim.", y: 114),
                Row("Hankinnat, jotka tehdään hankintalain mukaisesti ja jotka liittyvät hankkeeseen.", y: 128),
                Row("Lyhyt kappale päättyy.", y: 142, width: 120),
                Row("Uusi kappale alkaa tältä riviltä ilman tyhjää väliä edellisen lyhyen rivin jälkeen", y: 156),
                Row("ja jatkuu vielä toisella rivillä.", y: 170),
                Row("Kappale välin jälkeen alkaa tästä, kun pystysuora väli on tavallista suurempi.", y: 200),
            ])
        let passages = Self.segment([page])
        #expect(passages.map(\.kind) == [.heading, .paragraph, .paragraph, .paragraph])
        #expect(passages[1].lines.count == 4)  // "esim." at a line end ends no paragraph
        #expect(passages[2].lines.first?.hasPrefix("Uusi kappale") == true)
        #expect(passages[3].lines.first?.hasPrefix("Kappale välin") == true)
    }

    @Test func makesListItemsFromBulletsIncludingPrivateUseGlyphs() {
        let page = NormalisationFixtures.pdfPage(
            1,
            [
                Row("Alueellisen ryhmän tehtävät ovat seuraavat:", y: 100),
                Row(
                    "\u{F0B7} ohjauspalvelujen kehittäminen yhdessä kuntien ja oppilaitosten kanssa niin, että", x: 90,
                    y: 114),
                Row("palvelut ovat kaikkien saatavilla", x: 108, y: 128),
                Row("• verkoston ylläpitäminen", x: 90, y: 142),
                Row("\u{F0A7}", x: 90, y: 156),
                Row("tiedottaminen", x: 108, y: 156),
                Row("Luettelon jälkeen tulee tavallinen kappale, joka alkaa vasemmasta reunasta.", y: 170),
            ])
        let passages = Self.segment([page])
        #expect(passages.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .paragraph])
        #expect(
            passages[1].lines == [
                "ohjauspalvelujen kehittäminen yhdessä kuntien ja oppilaitosten kanssa niin, että",
                "palvelut ovat kaikkien saatavilla",
            ])
        #expect(passages[3].lines == ["tiedottaminen"])
    }

    @Test func fontSizeJumpStartsHeading() {
        let page = NormalisationFixtures.pdfPage(
            3,
            [
                Row("Tavallinen kappale ennen otsikkoa jatkuu tällä rivillä ja loppuu ilman pistettä", y: 100),
                Row("Valtionavustuksen käyttö", y: 114, height: 16),
                Row("Avustusta saa käyttää vain päätöksessä mainittuun tarkoitukseen.", y: 136),
            ])
        let passages = Self.segment([page])
        #expect(passages.map(\.kind) == [.paragraph, .heading, .paragraph])
        #expect(passages.allSatisfy { $0.page == 3 })
    }

    @Test func paragraphRunningOverAPageBreakStaysOnePassage() {
        let pages = [
            NormalisationFixtures.pdfPage(
                1,
                NormalisationFixtures.bodyRows(
                    [
                        "Ensimmäinen kappale päättyy tälle sivulle.",
                        "Toinen kappale alkaa tältä sivulta ja jatkuu seuraavalle sivulle kesken",
                    ], top: 100)),
            NormalisationFixtures.pdfPage(
                2,
                [
                    Row("lauseen, joka päättyy vasta täällä.", y: 100, width: 200),
                    Row(
                        "Seuraava kappale alkaa isolla ja on pitkä rivi, joka täyttää koko leveyden", y: 114, width: 450
                    ),
                ]),
        ]
        let passages = Self.segment(pages)
        #expect(passages.count == 3)
        #expect(passages[1].page == 1)
        #expect(passages[1].lines.last == "lauseen, joka päättyy vasta täällä.")
        #expect(passages[2].page == 2)
    }

    @Test func numberedItemsAndBulletColumns() {
        let page = NormalisationFixtures.pdfPage(
            1,
            [
                Row("1. Hankkeet, joilla on myönteinen päätös, tekevät muutoshakemuksen järjestelmässä ja", y: 100),
                Row("liittävät siihen perustelut.", x: 86, y: 114, width: 150),
                Row("- - -", x: 72, y: 128),
                Row("sopijapuolet", x: 86, y: 128),
            ])
        let passages = Self.segment([page])
        #expect(passages.map(\.kind) == [.listItem, .listItem])
        #expect(passages[0].lines.count == 2)
        #expect(passages[1].lines == ["sopijapuolet"])
    }

    @Test func bulletColumnsPairWithTheirRows() {
        // The extractor gives the column of bullets first, then the item texts.
        let page = NormalisationFixtures.pdfPage(
            1,
            [
                Row("Keskeinen lainsäädäntö:", y: 100, width: 120),
                Row("-", x: 75, y: 120, width: 4), Row("-", x: 75, y: 136, width: 4), Row("-", x: 75, y: 152, width: 4),
                Row("laki opetus- ja kulttuuritoimen rahoituksesta", x: 93, y: 120),
                Row("laki vapaasta sivistystyöstä", x: 93, y: 136),
                Row("asetus vapaasta sivistystyöstä", x: 93, y: 152),
            ])
        let passages = Self.segment([page])
        #expect(passages.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem])
        #expect(passages.last?.lines == ["asetus vapaasta sivistystyöstä"])
    }

    @Test func tableOfContentsEntriesAreSeparatePassages() {
        let page = NormalisationFixtures.pdfPage(
            2,
            NormalisationFixtures.bodyRows(
                [
                    "Yleiset ohjeet ......................... 3",
                    "Valtionavustuksen käyttö ............... 10",
                ], top: 100))
        let passages = Self.segment([page])
        #expect(passages.map(\.lines) == [["Yleiset ohjeet 3"], ["Valtionavustuksen käyttö 10"]])
        let plain = Self.segment([NormalisationFixtures.plainPage(1, "Johdanto ........ 3\nTavoitteet ........ 5")])
        #expect(plain.count == 2)
    }

    /// A slide export written for this test: every line is followed by an empty line, sentences break
    /// across lines, paragraphs are separated by lines holding only spaces, slides start indented.
    static let slideText = """
         Alueellinen yhteistyö

        Ryhmän tavoitteena on edistää ohjauspalvelujen

        saatavuutta ja laatua koko alueella sekä

        vahvistaa toimijoiden yhteistyötä.
          \u{0020}
        \u{F0B7} kunnat, oppilaitokset ja

        työvoimapalvelut

        • järjestöt
         \u{0020}
        Seuraava kokous pidetään esim.

        Kuopiossa syksyllä.
        """

    @Test func rejoinsSlideLinesBrokenMidSentence() {
        let passages = Self.segment([NormalisationFixtures.plainPage(1, Self.slideText)])
        #expect(passages.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .paragraph])
        #expect(passages[0].lines == ["Alueellinen yhteistyö"])
        #expect(passages[1].lines.count == 3)
        #expect(passages[2].lines == ["kunnat, oppilaitokset ja", "työvoimapalvelut"])
        #expect(passages[4].lines == ["Seuraava kokous pidetään esim.", "Kuopiossa syksyllä."])
    }

    /// A slide table exported one cell per line (double-spaced): each cell that starts with a capital after a
    /// line that leaves nothing hanging becomes its own passage, instead of the whole table becoming one.
    static let slideTable = """
        Toimenpiteet vuosille 2025–2027

        Tavoite Toimenpide Vastuu

        Laadukkaasti ja

        tasapuolisesti

        Ohjaajien täydennyskoulutus ja

        työnohjaus

        OKM

        Digitaalisesti

        Sähköisen asioinnin kehittäminen

        (chat ja videoneuvonta)

        TEM, KEHA

        Ohjaus jatkuu lukion jälkeen, esim.

        Ohjaamoissa ja

        työllisyyspalveluissa.
          \u{0020}
        Työllisyyttä edistävät palvelut kehitetään yhdessä alueellisen

        ELO-ryhmän kanssa koko ohjelmakauden ajan.
          \u{0020}
        ALUEELLINEN SOPIMUS TEMin ja OKMn

        YHTEISTYÖSTÄ VUODELLE 2026
        """

    @Test func flattenedSlideTableCellsBecomePassages() {
        let passages = Self.segment([NormalisationFixtures.plainPage(1, Self.slideTable)])
        #expect(
            passages.map { $0.lines.joined(separator: " ") } == [
                "Toimenpiteet vuosille 2025–2027",
                "Tavoite Toimenpide Vastuu",
                "Laadukkaasti ja tasapuolisesti",
                "Ohjaajien täydennyskoulutus ja työnohjaus OKM",  // a cell in capitals stays with the one before
                "Digitaalisesti",
                "Sähköisen asioinnin kehittäminen (chat ja videoneuvonta) TEM, KEHA",
                "Ohjaus jatkuu lukion jälkeen, esim. Ohjaamoissa ja työllisyyspalveluissa.",
                "Työllisyyttä edistävät palvelut kehitetään yhdessä alueellisen ELO-ryhmän kanssa koko ohjelmakauden ajan.",
                // an acronym or a title in capitals goes on
                "ALUEELLINEN SOPIMUS TEMin ja OKMn YHTEISTYÖSTÄ VUODELLE 2026",
            ])
    }

    @Test func plainTextParagraphsAreSeparatedByBlankLines() {
        let text =
            "1. JOHDANTO\nEnsimmäinen kappale on tässä\nja jatkuu tällä rivillä.\n\nToinen kappale.\n\n\n- luettelon kohta\n"
        let passages = Self.segment([NormalisationFixtures.plainPage(1, text)])
        #expect(passages.map(\.kind) == [.heading, .paragraph, .paragraph, .listItem])
        #expect(passages[1].lines.count == 2)
    }

    /// In the seed slide exports, a line that stops without punctuation and is followed (after the empty
    /// line the export puts everywhere) by a line in lower case continues the same sentence: such pairs
    /// must end up in one passage.
    @Test(.enabled(if: NormalisationFixtures.sharedFolder() != nil, "needs ../shared/seeds"))
    func seedSentencesBrokenOverLinesStayTogether() throws {
        let folder = NormalisationFixtures.sharedFolder()!.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        var pairs = 0
        var together = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let passages = Self.segment([NormalisationFixtures.plainPage(1, text)])
            let joined = Set(
                passages.flatMap { passage in zip(passage.lines, passage.lines.dropFirst()).map { "\($0)\n\($1)" } })
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for index in lines.indices.dropLast(2) where lines[index + 1].isEmpty {
                let first = UnicodeCleaner.clean(lines[index])
                let second = UnicodeCleaner.clean(lines[index + 2])
                guard let last = first.last, last.isLetter, let start = second.first, start.isLowercase,
                    ListMarker.strip(first) == nil, !lines[index + 2].hasPrefix(" ")
                else { continue }
                pairs += 1
                if joined.contains("\(first)\n\(second)") { together += 1 }
            }
        }
        #expect(pairs > 50)
        #expect(Double(together) >= 0.95 * Double(pairs), "\(together) of \(pairs) broken sentences rejoined")
    }
}
