import EloTestSupport
import Foundation
import Testing

@testable import EloClassification

/// The model files are read by `LabelModelJSON` (fast) with Foundation's decoder behind it: both must give the
/// same model, and whatever the fast reader does not know goes to Foundation's.
@Suite struct LabelModelJSONTests {
    @Test(arguments: ["elo-2014.json", "elo-2020.json"])
    func theCommittedModelsReadAsFoundationReadsThem(file: String) throws {
        let data = try Data(contentsOf: Repository.pipelines.appendingPathComponent("models/\(file)"))
        let fast = try #require(LabelModelJSON.decode(data))
        let foundation = try JSONDecoder().decode(LabelModel.self, from: data)
        #expect(fast == foundation)
        #expect(fast.format == foundation.format)
        #expect(fast.labels.map(\.weights) == foundation.labels.map(\.weights))
        #expect(fast.swedishVocabulary == foundation.swedishVocabulary)
    }

    static let small = """
        {"format": 1, "pipeline": "p", "labelDefinitions": "x", "sources": [{"labels": "a.jsonl", "passages": 3}],
         "regularisation": 2, "threshold": 0.35, "keepRuleLabels": 0.1,
         "setThresholds": {"t": {"threshold": 0.4, "keepRuleLabels": 0.05}},
         "labels": [{"id": "t.a", "positives": 2, "examples": 9, "bias": -1.5e-1,
                     "weights": {"fi:ohjaus": 0.25, "sv:v\\u00e4gledning": -1E-3}}]}
        """

    @Test func aModelWrittenByHandReadsTheSameBothWays() throws {
        let data = Data(Self.small.utf8)
        let fast = try #require(LabelModelJSON.decode(data))
        #expect(fast == (try JSONDecoder().decode(LabelModel.self, from: data)))
        #expect(fast.labels.first?.weights["sv:vägledning"] == -0.001)
        #expect(fast.setThresholds["t"]?.threshold == 0.4)
    }

    @Test func whatTheFastReaderDoesNotKnowGoesToFoundation() throws {
        let folder = try TemporaryFolder()
        let extraKey = folder.url.appendingPathComponent("extra.json")
        try Data(Self.small.replacingOccurrences(of: "\"format\": 1,", with: "\"format\": 1, \"note\": \"hi\",").utf8)
            .write(to: extraKey)
        #expect(LabelModelJSON.decode(try Data(contentsOf: extraKey)) == nil)
        #expect(try LabelModel.load(extraKey).labels.first?.id == "t.a")
        let broken = folder.url.appendingPathComponent("broken.json")
        try Data(Self.small.replacingOccurrences(of: "0.25", with: "\"0.25\"").utf8).write(to: broken)
        #expect(throws: (any Error).self) { try LabelModel.load(broken) }
    }
}
