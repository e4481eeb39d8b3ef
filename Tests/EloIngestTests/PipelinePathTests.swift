import EloClassification
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// Paths in a pipeline file: relative ones from the file's folder, absolute ones as given.
struct PipelinePathTests {
    @Test func absolutePathsAreUsedAsGiven() throws {
        let elsewhere = try TemporaryFolder(prefix: "elo-absolute")
        let labels = IngestFixture.repository.appendingPathComponent("pipelines/labels")
        let yaml = """
            inbox: \(elsewhere.url.path)/inbox
            output: \(elsewhere.url.path)/out
            regions: \(IngestFixture.repository.path)/pipelines/regions
            lexicon: \(labels.path)/lexicon.yaml
            label_sets:
              - \(labels.path)/okm2011.yaml
            """
        let file = try PipelineFile.parse(
            yaml, file: "/srv/elo/pipelines/p.yaml", folder: URL(fileURLWithPath: "/srv/elo/pipelines"))
        let settings = try IngestSettings(file)
        #expect(settings.inbox.path == elsewhere.url.path + "/inbox")
        #expect(settings.output.path == elsewhere.url.path + "/out")
        #expect(settings.regions.path == IngestFixture.repository.path + "/pipelines/regions")
        let configuration = try PipelineConfiguration(file)
        #expect(configuration.labelSets.map(\.id) == ["okm2011"])
        #expect(file.resolve(labels.path + "/okm2011.yaml").path == labels.path + "/okm2011.yaml")
        #expect(file.resolve("labels/okm2011.yaml").path == "/srv/elo/pipelines/labels/okm2011.yaml")
    }
}
