import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

/// `ExtractionLimits.maxTextBytes` (`limits.max_text_mb`): text beyond it is cut at a paragraph or line end,
/// the document is `partial` and an `extraction.text-limit` warning says where it was cut.
@Suite("text limit")
struct TextLimitTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder(prefix: "elo-text-limit") }

    private func extract(_ text: String, name: String = "large.txt", limit: Int) throws -> ExtractedText {
        let url = try folder.write(Data(text.utf8), to: name)
        return DocumentExtractor(limits: ExtractionLimits(maxTextBytes: limit)).run(url: url, password: nil)
    }

    static func keptText(_ extracted: ExtractedText) -> String {
        extracted.pages.map { $0.lines.map(\.text).joined(separator: "\n") }.joined(separator: "\n")
    }

    @Test func plainTextIsCutAtTheLastParagraphEndWithinTheLimit() throws {
        let (text, _) = LargeText.text(bytes: 20_000)
        let extracted = try extract(text, limit: 4_000)
        #expect(extracted.status == .partial)
        let kept = Self.keptText(extracted)
        #expect(kept.utf8.count <= 4_000)
        #expect(kept.utf8.count > 3_000, "not cut further back than the last quarter of the budget")
        let paragraphs = kept.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(paragraphs.enumerated().allSatisfy { $1 == LargeText.paragraph($0 + 1) }, "whole paragraphs only")
        let warning = try #require(extracted.diagnostics.first { $0.id == "extraction.text-limit" })
        #expect(warning.message.contains("the text was cut at 0.0 MB of 0.0 MB"), "\(warning.message)")
        #expect(warning.message.contains("large.txt") && warning.message.contains("max_text_mb"))
    }

    @Test func textWithinTheLimitIsReadWhole() throws {
        let (text, _) = LargeText.text(bytes: 3_000)
        let extracted = try extract(text, limit: 4_000)
        #expect(extracted.status == .ok)
        #expect(Self.keptText(extracted) + "\n" == text)
        #expect(extracted.diagnostics.isEmpty)
    }

    @Test func aLineWithoutEndIsCutAtASpaceOrACharacter() throws {
        let words = try extract(String(repeating: "ohjaus ", count: 2_000), limit: 1_000)
        #expect(Self.keptText(words).utf8.count <= 1_000)
        #expect(Self.keptText(words).hasSuffix("ohjaus "), "cut after a whole word")
        let letters = try extract(String(repeating: "ä", count: 2_000), name: "letters.txt", limit: 1_001)
        #expect(Self.keptText(letters) == String(repeating: "ä", count: 500), "never inside a UTF-8 sequence")
        #expect(letters.status == .partial)
    }

    @Test func pdfPagesAfterTheCutAreLeftOut() throws {
        let pages = (0..<6).map { page in
            MiniPDFWriter.Page.text(
                (0..<20).map { "Sivu \(page + 1) rivi \($0): ohjauspalvelujen kehittäminen jatkuu." })
        }
        let url = try folder.write(MiniPDFWriter(pages: pages).data(), to: "plan.pdf")
        let whole = DocumentExtractor().run(url: url, password: nil)
        let perPage = whole.pages[0].lines.reduce(0) { $0 + $1.text.utf8.count + 1 }
        let cut = DocumentExtractor(limits: ExtractionLimits(maxTextBytes: perPage * 2 + perPage / 2)).run(
            url: url, password: nil)
        #expect(whole.status == .ok && cut.status == .partial)
        #expect(cut.pages.count == 3)
        #expect(cut.pages.prefix(2) == whole.pages.prefix(2))
        #expect(cut.pages[2].lines.count < whole.pages[2].lines.count)
        let warning = try #require(cut.diagnostics.first { $0.id == "extraction.text-limit" })
        #expect(warning.page == 3)
    }
}
