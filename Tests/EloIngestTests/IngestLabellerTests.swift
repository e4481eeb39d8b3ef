import EloCore
import EloPipeline
import Testing

@testable import EloClassification
@testable import EloSettings

/// Ingest's labeller: a document off the pipeline's `topic:` is stored without labels and with the warning,
/// and editing `topic:` changes the label-set version, so stored passages are classified again.
@Suite struct IngestLabellerTests {
    static func configuration(topic: TopicRule?) -> PipelineConfiguration {
        let label = LabelDefinition(
            id: "t.saatavuus", nameFi: "x", nameSv: "x", definition: "x",
            cues: [Cue(term: "saatavuus", language: .finnish)])
        var configuration = PipelineConfiguration(
            file: "p.yaml", name: "p",
            labelSets: [LabelSet(id: "t", nameFi: "t", nameSv: "t", file: "t.yaml", labels: [label])],
            threshold: 0.5)
        configuration.topic = topic
        return configuration
    }

    static let topic = TopicRule(cues: [Cue(term: "ohjaus", language: .finnish)], minimumPerThousandWords: 3)

    @Test func anOffTopicDocumentIsStoredWithoutLabelsAndWithTheWarning() throws {
        let passage = Passage(
            page: 1, index: 0, kind: .paragraph, language: .finnish,
            text: "Avustuksen saatavuus riippuu eduskunnan myöntämistä määrärahoista.")
        let document = Document(
            path: "liite.pdf", sha256: "", pages: 1, language: .finnish, status: .ok, method: .textLayer,
            diagnostics: [], passages: [passage])
        let gated = try IngestLabeller(configuration: Self.configuration(topic: Self.topic)).classify(document)
        #expect(gated.passages[0].labels == [])
        #expect(gated.passages[0].nearMisses == [])
        #expect(gated.diagnostics.map(\.id) == ["classification.off-topic"])
        #expect(gated.status == .ok, "a warning: the document was read, it is only not labelled")
        let open = try IngestLabeller(configuration: Self.configuration(topic: nil)).classify(document)
        #expect(open.passages[0].labels?.map(\.id) == ["t.saatavuus"])
        #expect(open.diagnostics.isEmpty)
    }

    @Test func editingTheTopicChangesTheLabelSetVersion() {
        var stricter = Self.topic
        stricter.minimumPerThousandWords = 10
        var wider = Self.topic
        wider.cues.append(Cue(term: "neuvonta", language: .finnish))
        let versions = [nil, Self.topic, stricter, wider].map {
            IngestLabeller.fingerprint(Self.configuration(topic: $0))
        }
        #expect(Set(versions).count == 4, "\(versions)")
        #expect(
            IngestLabeller.fingerprint(Self.configuration(topic: Self.topic)) == versions[1],
            "the same settings give the same version")
    }
}
