import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

@Suite("PDF extraction")
struct PDFExtractionTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder(prefix: "elo-pdf") }

    private func extract(_ writer: MiniPDFWriter, limits: ExtractionLimits = .init()) throws -> ExtractedText {
        let url = try folder.write(writer.data(), to: "doc.pdf")
        return DocumentExtractor(limits: limits).run(url: url, password: nil)
    }

    @Test func readsLinesWithFinnishAndSwedishLettersPerPage() throws {
        let result = try extract(
            MiniPDFWriter(pages: [
                .text(["Elinikäinen ohjaus", "Yhteistyö ja työllisyys"]),
                .text(["Livslång vägledning på åländska"]),
            ]))
        #expect(result.status == .ok)
        #expect(result.method == .textLayer)
        #expect(result.pageCount == 2)
        #expect(result.pages.map(\.number) == [1, 2])
        #expect(result.pages[0].lines.map(\.text) == ["Elinikäinen ohjaus", "Yhteistyö ja työllisyys"])
        #expect(result.pages[1].lines.map(\.text) == ["Livslång vägledning på åländska"])
        #expect(result.pages[0].width == 595 && result.pages[0].height == 842)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func lineBoxesAreInPointsFromTheTopLeft() throws {
        let result = try extract(
            MiniPDFWriter(pages: [
                MiniPDFWriter.Page(lines: [
                    .init("Otsikko", x: 100, y: 200, fontSize: 20),
                    .init("leipäteksti", x: 72, y: 400, fontSize: 10),
                ])
            ]))
        let lines = result.pages[0].lines
        try #require(lines.count == 2)
        let title = try #require(lines[0].box)
        let body = try #require(lines[1].box)
        #expect(abs(title.x - 100) < 2)
        #expect(title.maxY > 190 && title.maxY < 206)  // baseline at 200 from the top, descent below it
        #expect(title.height > 12 && title.height < 26)
        #expect(abs(body.x - 72) < 2)
        #expect(body.y > 385 && body.maxY < 406)
        #expect(body.width > 30 && body.width < 80)
    }

    @Test func twoColumnPageComesOutColumnByColumn() throws {
        let left = (0..<6).map { "vasen palsta rivi \($0)" }
        let right = (0..<6).map { "oikea palsta rivi \($0)" }
        var lines: [MiniPDFWriter.Line] = []
        for row in 0..<6 {
            lines.append(.init(left[row], x: 60, y: 100 + Double(row) * 14))
            lines.append(.init(right[row], x: 330, y: 100 + Double(row) * 14))
        }
        let result = try extract(MiniPDFWriter(pages: [MiniPDFWriter.Page(lines: lines)]))
        #expect(result.pages[0].lines.map(\.text) == left + right)
    }

    @Test func runningHeadersAndFootersAreKeptAsLines() throws {
        let result = try extract(
            MiniPDFWriter(
                pages: [.text(["Ensimmäinen sivu"], top: 300), .text(["Toinen sivu"], top: 300)],
                runningHeader: "Lapin ELO-strategia", runningFooter: "Sivu {page}"))
        #expect(result.pages[0].lines.map(\.text) == ["Lapin ELO-strategia", "Ensimmäinen sivu", "Sivu 1"])
        #expect(result.pages[1].lines.last?.text == "Sivu 2")
    }

    @Test func imageOnlyDocumentNeedsOCR() throws {
        let result = try extract(MiniPDFWriter(pages: [.imageOnly, .imageOnly]))
        #expect(result.status == .needsOCR)
        #expect(result.pageCount == 2)
        #expect(result.diagnostics.map(\.id) == ["extraction.no-text-layer"])
        #expect(result.diagnostics[0].message.contains("OCR"))
    }

    @Test func anImageOnlyPageAmongTextPagesIsFlagged() throws {
        let result = try extract(MiniPDFWriter(pages: [.text(["Teksti"]), .imageOnly, .text(["Lisää"])]))
        #expect(result.status == .ok)
        #expect(result.diagnostics.map(\.id) == ["extraction.no-text-layer"])
        #expect(result.diagnostics[0].page == 2)
        #expect(result.diagnostics[0].severity == .warning)
    }

    @Test func textWithoutLettersIsGarbage() throws {
        let junk = (0..<8).map { _ in "#$%&*+=<>@ 0123 ~^|{} ][ #$%&" }
        let result = try extract(MiniPDFWriter(pages: [.text(junk)]))
        #expect(result.status == .needsOCR)
        #expect(result.diagnostics.map(\.id) == ["extraction.garbled-text"])
    }

    /// A table of figures and codes is text: digits are as readable as letters, so it is not taken for a
    /// broken font encoding and sent to OCR.
    @Test func aTableOfFiguresIsText() throws {
        let rows = (0..<8).map { "\(302_000_001 + $0 * 7) 0.75, 0.\($0)0; \(2014 + $0) \(1_000 + $0 * 13) kpl" }
        let result = try extract(MiniPDFWriter(pages: [.text(rows)]))
        #expect(result.status == .ok)
        #expect(result.diagnostics.isEmpty)
    }

    /// A report written into a fillable form: the typed text and the chosen item come out as lines of the page,
    /// in their place among its printed labels.
    @Test func readsTheValuesOfAFilledInForm() throws {
        let form = FormPDF.filled(
            labels: ["1. Miten ohjausta kehitetään?", "2. Alue"],
            typed: "Ohjaamossa nuoret saavat ohjausta ilman ajanvarausta.\nVerkko-ohjausta laajennetaan.",
            chosen: "Pirkanmaa")
        let url = try folder.write(form, to: "lomake.pdf")
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.status == .ok)
        #expect(
            result.pages.first?.lines.map(\.text) == [
                "1. Miten ohjausta kehitetään?", "Ohjaamossa nuoret saavat ohjausta ilman ajanvarausta.",
                "Verkko-ohjausta laajennetaan.", "2. Alue", "Pirkanmaa",
            ])
    }

    /// Cells of a table row set apart on one baseline: poppler joins them with no space between, and the words
    /// must not run together (`ToimenpideVastuuAikataulu`).
    @Test func wordsSetApartOnOneLineKeepASpaceBetween() throws {
        let rows = [["Toimenpide", "Vastuu", "Aikataulu"], ["Palvelukartta", "ELY-keskus", "2014"]]
        let cells = rows.enumerated().flatMap { row, texts in
            texts.enumerated().map { column, text in
                MiniPDFWriter.Line(text, x: 68 + Double(column) * 153, y: 380 + Double(row) * 26.4, fontSize: 12)
            }
        }
        let result = try extract(MiniPDFWriter(pages: [.init(lines: cells)]))
        #expect(
            result.pages.first?.lines.map(\.text) == ["Toimenpide Vastuu Aikataulu", "Palvelukartta ELY-keskus 2014"])
    }

    @Test func pagesBeyondTheLimitAreNotRead() throws {
        let writer = MiniPDFWriter(pages: (1...5).map { .text(["sivu \($0)"]) })
        let result = try extract(writer, limits: ExtractionLimits(maxPages: 3))
        #expect(result.status == .partial)
        #expect(result.pageCount == 5)
        #expect(result.pages.map(\.number) == [1, 2, 3])
        #expect(result.diagnostics.map(\.id) == ["extraction.page-limit"])
    }

    @Test func absurdlyLargePageTextIsCutAtALineEnd() throws {
        let lines = (0..<40).map { "rivi numero \($0) jossa on tekstiä" }
        let result = try extract(
            MiniPDFWriter(pages: [.text(lines, top: 20, leading: 20)]),
            limits: ExtractionLimits(maxPageTextBytes: 200))
        #expect(result.diagnostics.map(\.id) == ["extraction.page-text-cut"])
        let kept = result.pages[0].lines.map(\.text)
        #expect(!kept.isEmpty && kept.count < 40)
        #expect(kept == Array(lines.prefix(kept.count)))
    }

    @Test func sha256IsTheHexDigestOfTheFileBytes() throws {
        let url = try folder.write(Data("abc".utf8), to: "abc.txt")
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(result.byteCount == 3)
    }
}
