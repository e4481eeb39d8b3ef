import EloCore
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

@testable import EloClassification

@Suite struct ModelSettingsTests {
    /// A pipeline folder with the project's okm2011 label set and a word-bag label file made here.
    static func pipelineFolder(model: String) throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let labels = try String(
            contentsOf: Repository.pipelines.appendingPathComponent("labels/okm2011.yaml"), encoding: .utf8)
        _ = try folder.write(Data(labels.utf8), to: "okm2011.yaml")
        let lines = LearnedLayerFixture.gold().map { line -> GoldLabel in
            var line = line
            line.labels = line.labels.map { $0 == "t.b" ? "okm2011.laatu" : "okm2011.saatavuus" }
            line.sets = ["okm2011"]
            return line
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = try lines.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        _ = try folder.write(Data(text.utf8), to: "bags.jsonl")
        let pipeline = try folder.write(Data("name: fixture\nlabel_sets: [okm2011.yaml]\n\(model)".utf8), to: "p.yaml")
        return (folder, pipeline)
    }

    @Test func wordBagLinesLoadAndNeedTheirParagraph() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write(
            Data(#"{"document": "a.txt", "para": 2, "words": {"laatu": 2}, "labels": [], "sets": ["okm2011"]}"#.utf8),
            to: "g.jsonl")
        let line = try #require(try GoldLabel.load(good).first)
        #expect(line.isWordBag && line.para == 2 && line.words == ["laatu": 2])
        let bad = try folder.write(
            Data(#"{"document": "a.txt", "words": {"laatu": 2}, "labels": [], "sets": ["okm2011"]}"#.utf8),
            to: "b.jsonl")
        #expect(throws: ConfigurationError.self) { try GoldLabel.load(bad) }
        do { _ = try GoldLabel.load(bad) } catch { #expect(error.message.contains("para")) }
    }

    @Test(arguments: [
        ("model:\n  threshold: 0.3\n", "needs `file`"),
        ("model:\n  file: m.json\n  threshold: 0.2\n  keep_rule_labels: 0.3\n", "must not be above"),
        ("model:\n  file: m.json\n  learning_rate: 1\n", "unknown key 'model.learning_rate'"),
        ("model:\n  file: m.json\n", "run `elo train"),
    ])
    func badModelSettingsStopTheLoad(model: String, message: String) throws {
        let (folder, pipeline) = try Self.pipelineFolder(model: model)
        defer { withExtendedLifetime(folder) {} }
        do {
            _ = try PipelineConfiguration.load(pipeline)
            Issue.record("loaded")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func trainWritesTheSameModelTwiceAndKnowsWhenItIsStale() throws {
        let (folder, pipeline) = try Self.pipelineFolder(
            model: "model:\n  file: models/m.json\n  training:\n    - labels: bags.jsonl\n")
        let first = try ModelTraining(pipelineFile: pipeline, jobs: 1).run()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first.modelFile))
        _ = try ModelTraining(pipelineFile: pipeline, jobs: 1).run()
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.modelFile)) == bytes)
        #expect(first.labelsModelled == 2 && first.sources.first?.passages == 72)
        let configuration = try PipelineConfiguration.load(pipeline)
        #expect(configuration.learned?.isStale == false)
        let labelFile = folder.url.appendingPathComponent("okm2011.yaml")
        try (try String(contentsOf: labelFile, encoding: .utf8) + "\n# edited\n").write(
            to: labelFile, atomically: true, encoding: .utf8)
        #expect(try PipelineConfiguration.load(pipeline).learned?.isStale == true)
    }
}
