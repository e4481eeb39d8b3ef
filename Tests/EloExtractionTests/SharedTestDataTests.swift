import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

/// Runs every file of `../shared/testdata/pdf/{broken,scanned,real}` and checks the status each gets.
/// Skipped with a note when the shared data is absent; the same capabilities are covered by fixtures
/// this project makes (BadInputTests, PDFExtractionTests).
@Suite("Shared test data", .enabled(if: SharedTestData.root != nil, "../shared/testdata is absent"))
struct SharedTestDataTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let status: ExtractionStatus
        var password: String?
        /// A diagnostic the result must carry.
        var diagnostic: String?
        /// Text that must appear (the same text `pdftotext` recovers, or more).
        var text: String?
        var testDescription: String { file + (password.map { " (password \($0))" } ?? "") }
    }

    static let broken: [Expectation] = [
        .init(file: "empty-zero-bytes.pdf", status: .failed, diagnostic: "extraction.unreadable"),
        .init(file: "ocrmypdf__invalid.pdf", status: .failed, diagnostic: "extraction.unreadable"),
        .init(
            file: "pdfjs__Pages-tree-refs.pdf", status: .partial, diagnostic: "extraction.page-failed",
            text: "Pages loop"),
        .init(file: "pdfjs__cid_cff.pdf", status: .ok),
        .init(file: "pdfjs__copy_paste_ligatures.pdf", status: .ok),
        .init(file: "pdfjs__empty_protected.pdf", status: .needsOCR, diagnostic: "extraction.no-text-layer"),
        .init(file: "pdfjs__german-umlaut-r.pdf", status: .ok),
        .init(file: "pdfjs__helloworld-bad.pdf", status: .partial, diagnostic: "extraction.damaged"),
        .init(file: "pdfjs__poppler-85140-0.pdf", status: .failed, diagnostic: "extraction.unreadable"),
        .init(file: "pdfjs__xref_command_missing.pdf", status: .partial, diagnostic: "extraction.damaged"),
        .init(file: "pdfminer__issue-791-non-unicode-cmap.pdf", status: .ok),
        .init(file: "pdfminer__rc4-40.pdf", status: .needsPassword, diagnostic: "extraction.encrypted"),
        .init(file: "pdfminer__rc4-40.pdf", status: .ok, password: "foo", text: "Secret!"),
        .init(
            file: "pdfminer__rc4-40.pdf", status: .needsPassword, password: "bar",
            diagnostic: "extraction.wrong-password"),
        .init(file: "pdfminer__zen_of_python_corrupted.pdf", status: .ok),
        .init(file: "pypdfsf__multicolumn.pdf", status: .ok),
        .init(file: "qpdf__20-pages.pdf", status: .needsPassword, diagnostic: "extraction.encrypted"),
        .init(file: "qpdf__20-pages.pdf", status: .ok, password: "user", text: "Original page 19"),
        .init(file: "qpdf__bad-xref.pdf", status: .partial, diagnostic: "extraction.damaged"),
        .init(file: "qpdf__bad1.pdf", status: .failed, diagnostic: "extraction.unreadable"),
        .init(file: "qpdf__bad2.pdf", status: .partial, diagnostic: "extraction.damaged", text: "Potato"),
        .init(file: "qpdf__broken-lzw.pdf", status: .needsOCR),
        .init(file: "qpdf__damaged-stream.pdf", status: .ok),
        .init(file: "qpdf__deep-pages.pdf", status: .failed, diagnostic: "extraction.page-failed"),
        .init(file: "qpdf__encrypted-40-bit-R3.pdf", status: .needsPassword, diagnostic: "extraction.encrypted"),
        .init(file: "qpdf__issue-335b.pdf", status: .failed, diagnostic: "extraction.unreadable"),
        .init(file: "qpdf__many-nulls.pdf", status: .failed, diagnostic: "extraction.unreadable"),
    ]

    @Test(arguments: broken)
    func brokenFileGetsItsExpectedStatus(_ expected: Expectation) throws {
        try check(expected, in: "pdf/broken")
    }

    @Test(arguments: ["ocrmypdf__cardinal.pdf", "ocrmypdf__linn.pdf", "ocrmypdf__skew.pdf"])
    func scannedFileNeedsOCR(_ file: String) throws {
        try check(.init(file: file, status: .needsOCR, diagnostic: "extraction.no-text-layer"), in: "pdf/scanned")
    }

    @Test(arguments: SharedTestData.files(in: "pdf/real").map(\.lastPathComponent))
    func realFileIsReadWithBoxes(_ file: String) throws {
        let result = try check(.init(file: file, status: .ok), in: "pdf/real")
        let lines = result.pages.flatMap(\.lines)
        #expect(lines.count > 20)
        #expect(lines.allSatisfy { $0.box != nil })
        #expect(result.pages.map(\.number) == Array(1...result.pageCount))
    }

    @Test func everyFileInTheTableIsTheFolder() {
        let names = Set(SharedTestData.files(in: "pdf/broken").map(\.lastPathComponent))
        #expect(Set(Self.broken.map(\.file)) == names)
    }

    @Test func multiColumnPageIsNotInterleaved() throws {
        let url = try #require(SharedTestData.root).appendingPathComponent("pdf/broken/pypdfsf__multicolumn.pdf")
        let result = DocumentExtractor().run(url: url, password: nil)
        // In reading order, consecutive lines of one column sit at nearly the same x; interleaved columns
        // would jump left and right on almost every line.
        for page in result.pages {
            let xs = page.lines.compactMap { $0.box?.x }
            let jumps = zip(xs, xs.dropFirst()).filter { abs($0 - $1) > 100 }.count
            #expect(jumps * 5 < max(xs.count, 1), "page \(page.number): \(jumps) column jumps in \(xs.count) lines")
        }
    }

    @discardableResult
    private func check(_ expected: Expectation, in folder: String) throws -> ExtractedText {
        let url = try #require(SharedTestData.root).appendingPathComponent("\(folder)/\(expected.file)")
        let result = DocumentExtractor().run(url: url, password: expected.password)
        #expect(result.status == expected.status, "\(result.diagnostics.map(\.message))")
        if let id = expected.diagnostic {
            #expect(result.diagnostics.map(\.id).contains(id), "\(result.diagnostics.map(\.id))")
        }
        if let text = expected.text {
            let all = result.pages.flatMap(\.lines).map(\.text).joined(separator: "\n")
            #expect(all.contains(text))
        }
        #expect(result.sha256.count == 64 || result.byteCount == 0)
        return result
    }
}
