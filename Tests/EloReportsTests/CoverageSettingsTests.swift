import EloClassification
import EloCore
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

@testable import EloReports

@Suite struct CoverageSettingsTests {
    @Test func readsTheCoverageSection() throws {
        let settings = try CoverageSettings.parse(
            """
            name: elo-2014
            title: ELO 2014 — alueet
            threshold: 0.5
            coverage:
              covered: {passages: 2, score: 0.7}
              weak:
                passages: 1
                score: 0.5
              near_miss_score: 0.2
              evidence_limit: 5
            """, file: "p.yaml")
        #expect(settings.title == "ELO 2014 — alueet")
        #expect(settings.thresholds.covered == .init(passages: 2, score: 0.7))
        #expect(settings.thresholds.weak == .init(passages: 1, score: 0.5))
        #expect(settings.thresholds.nearMissScore == 0.2)
        #expect(settings.thresholds.evidenceLimit == 5)
        #expect(settings.thresholds.nearMissLimit == CoverageThresholds.defaults.nearMissLimit)
    }

    @Test func noSectionMeansDefaults() throws {
        #expect(try CoverageSettings.parse("label_sets: []\n", file: "p.yaml") == CoverageSettings())
        #expect(
            try CoverageSettings.parse("name: elo-2014\n", file: "p.yaml").title == "elo-2014",
            "the name is the default title")
    }

    @Test(arguments: [
        ("coverage:\n  covered: {passages: 1, score: 1.5}\n", "p.yaml:2:", "between 0 and 1"),
        ("coverage:\n  weak: {passages: 1}\n", "p.yaml:2:", "needs `passages` and `score`"),
        ("name: x\ncoverage:\n  nearmiss: 0.2\n", "p.yaml:3:", "unknown key 'coverage.nearmiss'"),
        (
            "coverage:\n  covered: {passages: 1, score: 0.4}\n  weak: {passages: 1, score: 0.5}\n", "p.yaml",
            "must not exceed"
        ),
        ("coverage: 3\n", "p.yaml:1:", "must be a mapping"),
    ])
    func mistakesNameFileLineAndFix(yaml: String, location: String, message: String) {
        do {
            _ = try CoverageSettings.parse(yaml, file: "p.yaml")
            Issue.record("accepted bad settings: \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(location), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }
}

@Suite struct CoverageLabelCatalogTests {
    static let pipeline = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../pipelines/elo-2014.yaml").standardizedFileURL

    @Test func readsTheProjectsPipelineInSetOrder() throws {
        let labels = try CoverageLabelCatalog.load(pipeline: Self.pipeline)
        #expect(labels.count == 20)
        #expect(
            labels.first
                == CoverageLabel(
                    id: "okm2011.saatavuus", set: "okm2011",
                    title: "Ohjauspalveluja on tasapuolisesti saatavissa ja ne vastaavat yksilön tarpeita",
                    titleSwedish: "Vägledningstjänster finns jämlikt tillgängliga och motsvarar individens behov",
                    threshold: 0.5, modelled: true), "the pipeline's threshold; elo-2014 has a model")
        #expect(labels.contains { $0.threshold == 0.6 }, "a label's own threshold: (okm2011) wins over the pipeline's")
        #expect(Set(labels.map(\.set)) == ["okm2011", "tem2012", "raportti2014", "ohjaamo"])
        #expect(labels.allSatisfy { $0.id.hasPrefix($0.set + ".") })
    }

    /// A label's `given_with:` reaches the reports (the `not-given-with` reason reads it) only in a pipeline that
    /// has every label it names, as in the classifier.
    @Test func givenWithComesAlongWhereThePipelineHasItsLabels() throws {
        let labels = try CoverageLabelCatalog.load(pipeline: Self.pipeline)
        #expect(labels.first { $0.id == "tem2012.osaaminen" }?.givenWith == ["okm2011.osaaminen"])
        #expect(labels.filter { $0.givenWith != nil }.map(\.id) == ["tem2012.osaaminen"])
        let folder = try TemporaryFolder()
        let sets = Self.pipeline.deletingLastPathComponent().appendingPathComponent("labels")
        let url = try folder.write(
            Data("label_sets:\n  - \(sets.appendingPathComponent("tem2012.yaml").path)\n".utf8), to: "p.yaml")
        let alone = try CoverageLabelCatalog.load(pipeline: url)
        #expect(alone.first { $0.id == "tem2012.osaaminen" }?.givenWith == nil, "no okm2011 in this pipeline")
    }

    /// An ingest hands the reports the label sets its configuration read: the catalog made from them is the one
    /// reading the files again gives.
    @Test func theCatalogOfSetsAlreadyReadIsTheCatalogOfTheFiles() throws {
        let file = try PipelineFile.read(Self.pipeline)
        let configuration = try PipelineConfiguration(file)
        let fromSets = CoverageLabelCatalog.catalog(of: configuration.labelSets, pipeline: file)
        #expect(fromSets == (try CoverageLabelCatalog.load(file)))
        #expect(fromSets.contains { $0.givenWith != nil })
    }

    @Test func aMissingSetFileIsNamed() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write(Data("label_sets:\n  - labels/none.yaml\n".utf8), to: "p.yaml")
        do {
            _ = try CoverageLabelCatalog.load(pipeline: url)
            Issue.record("loaded a pipeline whose label set is missing")
        } catch {
            #expect(error.message.contains("none.yaml"))
        }
    }
}
