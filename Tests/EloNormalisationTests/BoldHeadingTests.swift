import EloCore
import EloExtraction
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// Headings set only in bold, at the body text's size and spacing (office exports do this): the PDF text layer
/// says which lines are bold, and a short bold line that reads like a title is a heading.
@Suite("Bold headings")
struct BoldHeadingTests {
    static let body = [
        "Ohjauspalvelujen laatua arvioidaan joka vuosi asiakkailta kerätyn palautteen avulla, ja",
        "tulokset käsitellään alueellisessa ELO-ryhmässä yhdessä kuntien kanssa.",
    ]

    static func document(headingBold: Bool) throws -> (ExtractedText, Document) {
        let lines =
            [MiniPDFWriter.Line("Ohjauksen laatu ja arviointi", y: 100, bold: headingBold)]
            + body.enumerated().map { MiniPDFWriter.Line($1, y: 114 + Double($0) * 14) }
        let folder = try TemporaryFolder(prefix: "elo-bold")
        let url = try folder.write(MiniPDFWriter(pages: [MiniPDFWriter.Page(lines: lines)]).data(), to: "bold.pdf")
        let extracted = DocumentExtractor().run(url: url, password: nil)
        return (extracted, try DocumentNormaliser().run(extracted))
    }

    @Test func theTextLayerSaysWhichLinesAreBold() throws {
        let (extracted, _) = try Self.document(headingBold: true)
        #expect(extracted.pages.first?.lines.map { $0.bold == true } == [true, false, false])
    }

    @Test func aBoldTitleLineIsAHeadingOfItsOwn() throws {
        let (_, document) = try Self.document(headingBold: true)
        #expect(document.passages.map(\.kind) == [.heading, .paragraph])
        #expect(document.passages.first?.text == "Ohjauksen laatu ja arviointi")
    }

    @Test func theSameLineInTheBodyFaceIsNoHeading() throws {
        let (_, document) = try Self.document(headingBold: false)
        #expect(!document.passages.contains { $0.kind == .heading })
    }
}
