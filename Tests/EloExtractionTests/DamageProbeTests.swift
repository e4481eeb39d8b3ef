import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

/// The damage probe tells a cross-reference table that is only written unusually (mixed line ends, offsets
/// at the line end before an object) from one poppler must rebuild, and a rebuild that loses nothing from
/// real loss. Fixtures are made here (`BrokenPDFs`).
@Suite("Damage probe")
struct DamageProbeTests {
    enum Expected: Sendable { case inOrder, repairable, damaged }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let data: @Sendable () -> Data
        let expected: Expected
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "written by MiniPDFWriter", data: { MiniPDFWriter(pages: [.text(["Ohjaus"])]).data() },
            expected: .inOrder),
        Case(
            name: "mixed line ends, entries at the line feed before each object",
            data: { BrokenPDFs.mixedLineEnds() }, expected: .inOrder),
        Case(
            name: "mixed line ends, three pages",
            data: { BrokenPDFs.mixedLineEnds(pages: ["Yksi", "Kaksi", "Kolme"]) },
            expected: .inOrder),
        Case(name: "offsets one byte late", data: { BrokenPDFs.shiftedXrefOffsets(by: 1) }, expected: .repairable),
        Case(name: "offsets three bytes late", data: { BrokenPDFs.shiftedXrefOffsets(by: 3) }, expected: .repairable),
        Case(
            name: "offsets one byte late, a content stream missing",
            data: { BrokenPDFs.shiftedXrefOffsets(by: 1, pages: ["Yksi", "Kaksi"], droppingContentOf: 2) },
            expected: .damaged),
        Case(
            name: "truncated", data: { BrokenPDFs.truncated(MiniPDFWriter(pages: [.text(["Ohjaus"])]).data()) },
            expected: .damaged),
        Case(name: "startxref pointing at the wrong byte", data: { BrokenPDFs.badXrefPointer() }, expected: .damaged),
    ]

    @Test(arguments: cases)
    func findsWhatIsWrong(_ testCase: Case) {
        let finding = DamageProbe.inspect(testCase.data())
        switch testCase.expected {
        case .inOrder: #expect(finding == nil)
        case .repairable:
            #expect(
                finding.map { if case .repairableCrossReference = $0 { true } else { false } } == true,
                "\(String(describing: finding))")
        case .damaged:
            #expect(
                finding.map { if case .damaged = $0 { true } else { false } } == true, "\(String(describing: finding))")
        }
    }

    @Test(arguments: ["\n", "\r\n", "\r", " \n", " \r"])
    func offsetAtAnyWhiteSpaceBeforeTheHeaderLeadsToTheObject(_ lineEnd: String) {
        let bytes = Data("%PDF-1.4\(lineEnd)7 0 obj\(lineEnd)<< >>".utf8)
        let offset = 8  // the first byte of the line end
        #expect(PDFBytes.hasObjectHeader(ObjectID(number: 7, generation: 0), in: bytes, at: offset))
        #expect(
            !PDFBytes.hasObjectHeader(ObjectID(number: 8, generation: 0), in: bytes, at: offset),
            "another object's header")
        #expect(
            !PDFBytes.hasObjectHeader(
                ObjectID(number: 7, generation: 0), in: bytes, at: offset + lineEnd.utf8.count + 1))
    }

    @Test func objectHeadersAreFoundByScanning() {
        let bytes = Data("%PDF-1.4\n1 0 obj\n<< >>\nendobj\r\n12 3 obj<< >>endobj\n(4 0 obj) x14 0 obj".utf8)
        #expect(
            PDFBytes.objectHeaders(in: bytes) == [
                ObjectID(number: 1, generation: 0), ObjectID(number: 12, generation: 3),
                ObjectID(number: 4, generation: 0),
            ])
    }
}

/// What extraction makes of those files: a PDF whose table poppler rebuilds without loss is `ok`, with a note.
@Suite("Repaired cross-reference tables")
struct RepairedCrossReferenceTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder(prefix: "elo-xref") }

    private func extract(_ data: Data) throws -> ExtractedText {
        DocumentExtractor().run(url: try folder.write(data, to: "suunnitelma.pdf"), password: nil)
    }

    @Test func mixedLineEndsAreNoDamage() throws {
        let result = try extract(BrokenPDFs.mixedLineEnds(pages: ["Keski-Suomen ohjauspalvelut", "Toinen sivu"]))
        #expect(result.status == .ok)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.pages.map { $0.lines.map(\.text) } == [["Keski-Suomen ohjauspalvelut"], ["Toinen sivu"]])
    }

    @Test func tableRebuiltWithoutLossIsOkWithANoteAndWithLossPartial() throws {
        let result = try extract(BrokenPDFs.shiftedXrefOffsets(by: 1, pages: ["Ensimmäinen sivu", "Toinen sivu"]))
        #expect(result.status == .ok)
        #expect(result.diagnostics.map(\.id) == ["extraction.xref-repaired"])
        #expect(result.diagnostics.first?.severity == .info)
        #expect(result.diagnostics.first?.message.contains("cross-reference table repaired") == true)
        #expect(result.diagnostics.allSatisfy { $0.message.contains(folder.url.path) })
        #expect(result.pages.flatMap(\.lines).map(\.text) == ["Ensimmäinen sivu", "Toinen sivu"])

        // The same file with the second page's content stream missing has really lost text: partial.
        let lost = try extract(
            BrokenPDFs.shiftedXrefOffsets(
                by: 1, pages: ["Ensimmäinen sivu", "Toinen sivu"],
                droppingContentOf: 2))
        #expect(lost.status == .partial)
        #expect(lost.diagnostics.map(\.id) == ["extraction.damaged"], "\(lost.diagnostics)")
    }
}
