import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

@Suite("Plain-text extraction")
struct PlainTextExtractionTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder(prefix: "elo-txt") }

    private func extract(_ bytes: [UInt8], name: String = "teksti.txt") throws -> ExtractedText {
        DocumentExtractor().run(url: try folder.write(Data(bytes), to: name), password: nil)
    }

    static let sample = "Yhteistyö “ELO-ryhmä” – Åland € 5…"

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let text: String
        let encoding: String
        let assumed: Bool
        var testDescription: String { name }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    static let cases: [Case] = [
        Case(name: "UTF-8", bytes: Array(sample.utf8), text: sample, encoding: "utf-8", assumed: false),
        Case(
            name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8), text: sample,
            encoding: "utf-8", assumed: false),
        Case(
            name: "UTF-16LE with BOM", bytes: [0xFF, 0xFE] + utf16(sample, bigEndian: false), text: sample,
            encoding: "utf-16le", assumed: false),
        Case(
            name: "UTF-16BE with BOM", bytes: [0xFE, 0xFF] + utf16(sample, bigEndian: true), text: sample,
            encoding: "utf-16be", assumed: false),
        // “Hyvä” – ohjaus ’työ’ in Windows-1252: smart quotes and the en dash live in 0x80–0x9F.
        Case(
            name: "Windows-1252",
            bytes: [
                0x93, 0x48, 0x79, 0x76, 0xE4, 0x94, 0x20, 0x96, 0x20, 0x6F, 0x68, 0x6A,
                0x61, 0x75, 0x73, 0x20, 0x92, 0x74, 0x79, 0xF6, 0x92,
            ],
            text: "“Hyvä” – ohjaus ’työ’", encoding: "windows-1252", assumed: true),
        // "Åbo ä ö" in Latin-1: no byte in 0x80–0x9F.
        Case(
            name: "ISO-8859-1", bytes: [0xC5, 0x62, 0x6F, 0x20, 0xE4, 0x20, 0xF6], text: "Åbo ä ö",
            encoding: "iso-8859-1", assumed: true),
        // 0x81 is undefined in Windows-1252, so the file cannot be that: Latin-1 keeps it as U+0081.
        Case(
            name: "ISO-8859-1 with C1 control", bytes: [0xE4, 0x81, 0x61], text: "ä\u{81}a",
            encoding: "iso-8859-1", assumed: true),
    ]

    @Test(arguments: cases)
    func decodesEachEncodingExactly(_ testCase: Case) throws {
        let result = try extract(testCase.bytes)
        #expect(result.status == .ok)
        #expect(result.method == .plainText)
        #expect(result.encoding == testCase.encoding)
        #expect(result.pages.map { $0.lines.map(\.text) } == [[testCase.text]])
        #expect(result.diagnostics.map(\.id) == (testCase.assumed ? ["extraction.encoding-assumed"] : []))
        #expect(result.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test func validUTF8IsNeverReadAsALegacyEncoding() throws {
        // "Ã¤" style mojibake would appear if UTF-8 ä (C3 A4) were read as Windows-1252.
        let result = try extract(Array("Kävijä – “lainaus”".utf8))
        #expect(result.encoding == "utf-8")
        #expect(result.pages[0].lines[0].text == "Kävijä – “lainaus”")
    }

    @Test func binaryFileNamedTxtFails() throws {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        bytes += (0..<200).map { UInt8(($0 * 37) % 256) }
        let result = try extract(bytes, name: "liite.txt")
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.binary-file"])
        #expect(result.diagnostics[0].message.contains("liite.txt"))
    }

    @Test func controlCharactersWithoutNULAreBinaryToo() throws {
        let bytes = (0..<300).map { UInt8(1 + $0 % 8) }
        #expect(try extract(bytes).status == .failed)
    }

    @Test func formFeedsSplitPagesAndAllLineEndsSplitLines() throws {
        let result = try extract(Array("eka\r\ntoka\n\nkolmas\u{0C}sivu 2\rrivi\u{0C}".utf8))
        #expect(result.pageCount == 2)
        #expect(result.pages.map(\.number) == [1, 2])
        #expect(result.pages[0].lines.map(\.text) == ["eka", "toka", "", "kolmas"])
        #expect(result.pages[1].lines.map(\.text) == ["sivu 2", "rivi"])
        #expect(result.pages[0].lines.allSatisfy { $0.box == nil })
    }

    @Test func emptyTextFileIsOneEmptyPage() throws {
        let result = try extract([], name: "tyhjä.md")
        #expect(result.status == .ok)
        #expect(result.pageCount == 1)
        #expect(result.pages[0].lines.isEmpty)
    }

    @Test func brokenUTF8AfterABOMIsReplacedAndReported() throws {
        let result = try extract([0xEF, 0xBB, 0xBF, 0x61, 0xFF, 0x62])
        #expect(result.status == .partial)
        #expect(result.pages[0].lines[0].text == "a\u{FFFD}b")
        #expect(result.diagnostics.map(\.id) == ["extraction.damaged"])
    }

    @Test func icuCharsetDetectionAnswersThroughTheShim() {
        let guess = TextEncodingDetector.icuGuess(Array("Tämä on suomenkielinen lause, jossa on ääkkösiä.".utf8))
        #expect(guess?.name == "UTF-8")
        #expect((guess?.confidence ?? 0) > 50)
    }
}

@Suite("Plain-text extraction, unmarked UTF-16")
struct UnmarkedUTF16Tests {
    @Test(arguments: [false, true])
    func utf16WithoutBOMIsNotMistakenForBinary(_ bigEndian: Bool) throws {
        let folder = try TemporaryFolder(prefix: "elo-utf16")
        let text = "Ohjauspalvelut ovat kaikkien saatavilla. Vägledning för alla åldrar och språk."
        let url = try folder.write(Data(PlainTextExtractionTests.utf16(text, bigEndian: bigEndian)), to: "u.txt")
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.status == .ok)
        #expect(result.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(result.pages.first?.lines.map(\.text) == [text])
        #expect(result.diagnostics.map(\.id) == ["extraction.encoding-assumed"])
    }
}
