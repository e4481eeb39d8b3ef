import EloCore
import Testing

@testable import EloExtraction

/// Form-field values go among the page's lines by their place on the page, once, and not where the page's
/// text already shows them.
@Suite struct FormFieldMergeTests {
    static func line(_ text: String, y: Double) -> TextLine {
        TextLine(text: text, box: Box(x: 72, y: y, width: 300, height: 12))
    }

    @Test func valuesGoInReadingOrderByTheirPlace() {
        let lines = [Self.line("Kysymys yksi", y: 100), Self.line("Kysymys kaksi", y: 300)]
        let merged = FormFieldMerge.merging(
            [Self.line("Vastaus kaksi", y: 320), Self.line("Vastaus yksi", y: 120)], into: lines)
        #expect(merged.map(\.text) == ["Kysymys yksi", "Vastaus yksi", "Kysymys kaksi", "Vastaus kaksi"])
    }

    @Test func aValueThePageAlreadyShowsOrOneSeenBeforeIsLeftOut() {
        // A flattened form draws its value as text (here wrapped over two lines of its own width).
        let lines = [Self.line("Kysymys", y: 100), Self.line("Ohjaamo palvelee", y: 120), Self.line("nuoria", y: 134)]
        let merged = FormFieldMerge.merging(
            [Self.line("Ohjaamo palvelee nuoria", y: 120), Self.line("Lappi", y: 200), Self.line("Lappi", y: 400)],
            into: lines)
        #expect(merged.map(\.text) == ["Kysymys", "Ohjaamo palvelee", "nuoria", "Lappi"])
    }

    /// A tall field's lines are set one below the other at the page's line height, not each as tall as the field:
    /// the margin and heading checks compare line heights.
    @Test func aFieldsLinesTakeThePagesLineHeight() {
        let area = Box(x: 72, y: 200, width: 400, height: 150)
        let fields = ["Ensimmäinen rivi", "Toinen rivi"].map { TextLine(text: $0, box: area) }
        let merged = FormFieldMerge.merging(fields, into: [Self.line("Kysymys", y: 100), Self.line("Loppu", y: 700)])
        #expect(merged.map(\.text) == ["Kysymys", "Ensimmäinen rivi", "Toinen rivi", "Loppu"])
        #expect(merged[1].box == Box(x: 72, y: 200, width: 400, height: 12))
        #expect(merged[2].box == Box(x: 72, y: 212, width: 400, height: 12))
    }
}
