import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// No passage is longer than `PassageLimits.maxPassageBytes`, and no document has more than `maxPassages`
/// passages: a text without blank lines is split at sentence ends, never kept as one giant passage.
@Suite struct LongPassageTests {
    static func normalise(_ text: String, limits: PassageLimits = .init()) throws -> Document {
        let extracted = NormalisationFixtures.extracted([NormalisationFixtures.plainPage(1, text)], method: .plainText)
        return try DocumentNormaliser().run(extracted, limits: limits)
    }

    @Test func aParagraphWithoutBlankLinesIsSplitAtSentenceEnds() throws {
        let (text, _) = LargeText.text(bytes: 60_000, separator: " ")
        let document = try Self.normalise(text)
        #expect(document.status == .ok)
        #expect(document.passages.count >= 60_000 / PassageLimits.defaultMaxPassageBytes)
        #expect(document.passages.allSatisfy { $0.text.utf8.count <= PassageLimits.defaultMaxPassageBytes })
        #expect(document.passages.dropLast().allSatisfy { $0.text.hasSuffix(".") && !$0.text.hasSuffix("esim.") })
        let rejoined = document.passages.map(\.text).joined(separator: " ")
        #expect(rejoined == text, "nothing lost at the cuts: \(rejoined.utf8.count) of \(text.utf8.count) bytes")
        #expect(document.passages.map(\.index) == Array(document.passages.indices))
    }

    @Test func linesWithoutBlankLinesAreNotOnePassage() throws {
        let (text, _) = LargeText.text(bytes: 60_000, separator: "\n")
        let document = try Self.normalise(text)
        #expect(document.passages.count > 1)
        #expect(document.passages.allSatisfy { $0.text.utf8.count <= PassageLimits.defaultMaxPassageBytes })
    }

    @Test func textWithoutSentenceEndsIsSplitAtSpacesThenAnywhere() throws {
        let splitter = LongPassageSplitter(splitter: SentenceSplitter(), maxBytes: 100)
        let words = splitter.pieces(String(repeating: "ohjaus ", count: 100).trimmingCharacters(in: .whitespaces))
        #expect(
            words.allSatisfy {
                $0.utf8.count <= 100
                    && $0.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { $0 == "ohjaus" }
            })
        #expect(words.joined(separator: " ").split(separator: " ").count == 100)
        let letters = splitter.pieces(String(repeating: "ä", count: 500))
        #expect(letters.allSatisfy { $0.utf8.count <= 100 })
        #expect(letters.joined() == String(repeating: "ä", count: 500))
        #expect(splitter.pieces("Lyhyt kappale.") == ["Lyhyt kappale."])
    }

    @Test func passagesBeyondTheLimitAreLeftOutAndTheDocumentIsPartial() throws {
        let (text, paragraphs) = LargeText.text(bytes: 5_000)
        let document = try Self.normalise(text, limits: PassageLimits(maxPassages: 4))
        #expect(paragraphs > 4)
        #expect(document.passages.map(\.text) == (1...4).map(LargeText.paragraph))
        #expect(document.status == .partial)
        let warning = try #require(document.diagnostics.first { $0.id == "normalisation.passage-limit" })
        #expect(warning.message.contains("only the first 4") && warning.message.contains("max_passages"))
        #expect(try Self.normalise(text, limits: PassageLimits(maxPassages: paragraphs)).status == .ok)
    }
}
