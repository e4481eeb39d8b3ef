import EloCore
import EloReports
import EloSpreadsheet
import Foundation
import Testing
import ZIPFoundation

/// The workbook of the matrix and the gaps: frozen header row, autofilter, the HTML's colours.
@Suite struct SpreadsheetTests {
    /// The XML parts of an .xlsx, by path inside the archive.
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    @Test func matrixAndGapsSheetsAreFrozenFilteredAndColoured() throws {
        let report = CoverageFixtures.report()
        let parts = try Self.parts(try SpreadsheetRenderer().render(report, language: .finnish))
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("name=\"Kattavuus\"") && workbook.contains("name=\"Aukot\""))
        let matrix = try #require(parts["xl/worksheets/sheet1.xml"])
        let gaps = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(
            matrix.contains("state=\"frozen\"") && matrix.contains("topLeftCell=\"C2\""),
            "header row and region columns frozen")
        #expect(matrix.contains("<autoFilter ref=\"A1:E4\""))
        #expect(gaps.contains("state=\"frozen\"") && gaps.contains("<autoFilter ref=\"A1:P"))
        let styles = try #require(parts["xl/styles.xml"])
        for level in CoverageLevel.allCases {
            let colours = LevelPalette.colours(level)
            #expect(
                styles.contains(Self.argb(colours.background)) && styles.contains(Self.argb(colours.ink)),
                "\(level) has the HTML's colours")
        }
        let words = try #require(parts["xl/sharedStrings.xml"])
        #expect(words.contains("○ Ei katettu") && words.contains("Ohjauksen laatujärjestelmiä kehitetään"))
        #expect(words.contains("Ohjausta on saatavilla TE-toimistossa."), "the near-miss quote of a gap")
        #expect(words.contains("pisteet 0,30 jäivät alle heikon tason rajan 0,50"), "why the near-miss did not count")
        #expect(
            words.contains("! savo/liite.pdf (tarvitsee tekstintunnistuksen (OCR)): Sivuilla ei ole tekstiä"),
            "a gap that may change")
    }

    @Test func swedishWorkbookBesideTheFinnishOne() throws {
        let files = try SpreadsheetRenderer().files(for: CoverageFixtures.report(), languages: .automatic)
        #expect(files.map(\.path) == ["coverage.xlsx", "coverage-sv.xlsx"])
        let parts = try Self.parts(files[1].contents)
        #expect(try #require(parts["xl/workbook.xml"]).contains("name=\"Luckor\""))
        #expect(try #require(parts["xl/sharedStrings.xml"]).contains("Inte täckt"))
    }

    static func argb(_ colour: UInt32) -> String {
        let hex = String(colour, radix: 16, uppercase: true)
        return "FF" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
