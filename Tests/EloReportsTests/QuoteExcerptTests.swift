import EloCore
import Testing

@testable import EloReports

@Suite struct QuoteExcerptTests {
    @Test func longPassagesAreCutAroundTheMatchAndHighlightsFollow() {
        let text = String(repeating: "täyte ", count: 100) + "Ohjaamo" + String(repeating: " loppu", count: 100)
        let start = 600
        let excerpt = QuoteExcerpt(text: text, highlights: [start..<start + 7], limit: 120)
        #expect(excerpt.text.count <= 120)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        let range = excerpt.highlights[0]
        #expect(String(Array(excerpt.text)[range]) == "Ohjaamo")
    }

    @Test func rangesAreClampedSortedAndMerged() {
        #expect(QuoteExcerpt.merge([5..<9, 0..<2, 1..<3, 8..<20, 40..<50], count: 12) == [0..<3, 5..<12])
    }

    @Test func highlightingUsesCharacterOffsetsNotBytes() {
        // "ä" written decomposed is one Character: offsets count Characters.
        let quote = "Pa\u{0308}a\u{0308}kaupunki ja ohjaus"
        let html = HTMLText.highlighted(quote, [.init(15..<21)])
        #expect(html == "Pa\u{0308}a\u{0308}kaupunki ja <mark>ohjaus</mark>")
    }
}
