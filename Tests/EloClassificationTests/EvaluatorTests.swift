import EloCore
import Testing

@testable import EloClassification
@testable import EloSettings

@Suite struct EvaluatorTests {
    static let passages = [
        "Ohjauspalvelujen saatavuus paranee.",  // gold a; predicted a
        "Laadun arviointi aloitetaan.",  // gold b; predicted b
        "Saatavuus ja laatu molemmat.",  // gold a; predicted a, b
        "Tässä ei ole mitään.",  // gold b; predicted none
    ].enumerated().map { Passage(page: 1, index: $0.offset, kind: .paragraph, language: .finnish, text: $0.element) }

    /// Labels t.a (cue "saatavuus") and t.b (cue "laatu"), threshold 0.5: the learned layer's fixture set.
    static var configuration: PipelineConfiguration { LearnedLayerFixture.configuration }

    @Test func scoresPerLabelMicroAndMacroAndReportsUnmatchedQuotes() throws {
        let gold = [
            GoldLabel(
                document: "d.txt", quote: "Ohjaus-\npalvelujen   saatavuus", labels: ["t.a"], sets: ["t"], line: 1),
            GoldLabel(document: "d.txt", quote: "Laadun arviointi", labels: ["t.b"], sets: ["t"], line: 2),
            GoldLabel(document: "d.txt", quote: "Saatavuus ja laatu", labels: ["t.a"], sets: ["t"], line: 3),
            GoldLabel(document: "d.txt", quote: "ei ole mitään", labels: ["t.b"], sets: ["t"], line: 4),
            GoldLabel(document: "d.txt", quote: "aloitetaan. Saatavuus", labels: [], sets: ["t"], line: 5),
            GoldLabel(document: "d.txt", quote: "ei löydy tekstistä", labels: [], sets: ["t"], line: 6),
            GoldLabel(document: "x.txt", quote: "whatever", labels: [], sets: ["t"], line: 7),
            GoldLabel(document: "d.txt", quote: "Laadun arviointi", labels: ["other.z"], sets: ["other"], line: 8),
        ]
        let report = try Evaluator(configuration: Self.configuration).evaluate(
            gold, documents: ["d.txt": Self.passages])
        let set = try #require(report.sets.first)
        #expect(set.passages == 4)
        let a = try #require(set.labels.first { $0.id == "t.a" })
        let b = try #require(set.labels.first { $0.id == "t.b" })
        #expect((a.truePositives, a.falsePositives, a.falseNegatives) == (2, 0, 0))
        #expect((b.truePositives, b.falsePositives, b.falseNegatives) == (1, 1, 1))
        #expect(a.f1 == 1.0)
        #expect(b.precision == 0.5 && b.recall == 0.5 && b.f1 == 0.5)
        #expect(set.macroF1 == 0.75)
        #expect(set.microPrecision == 0.75 && set.microRecall == 0.75 && set.microF1 == 0.75)
        #expect(report.unmatched.map(\.reason) == ["spans-passages", "not-found", "document-not-found"])
        #expect(report.unmatched.map(\.line) == [5, 6, 7])
    }

    @Test func quoteLocatorIgnoresWhitespaceHyphensAndNormalisation() {
        let locator = QuoteLocator(passages: [
            Passage(page: 1, index: 0, kind: .paragraph, language: .finnish, text: "Ympäristö­keskuksen ohjaus")
        ])
        #expect(locator.locate("Ympa\u{0308}ristö-\nkeskuksen  ohjaus") == .passage(0, occurrences: 1))
    }
}
