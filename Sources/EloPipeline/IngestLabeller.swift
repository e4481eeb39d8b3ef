import EloClassification
import EloCore
import EloNormalisation
import Foundation

/// The classification stage as ingest's `PassageLabelling` step: labels a document's passages with the
/// pipeline's label sets, keeping every label's evidence. One per worker thread (it holds Voikko).
public final class IngestLabeller: PassageLabelling {
    private let classifier: PassageClassifier
    public let labelSetVersion: String

    public init(configuration: PipelineConfiguration, analyses: FinnishAnalyses? = nil) throws {
        classifier = try PassageClassifier(configuration: configuration, analyses: analyses)
        labelSetVersion = Self.fingerprint(configuration)
    }

    public func classify(_ document: Document) -> Document {
        var document = document
        let (decisions, offTopic) = classifier.documentDecisions(document.passages)
        for (index, labels) in decisions.enumerated() where index < document.passages.count {
            document.passages[index].labels = labels.filter { !$0.belowThreshold }.map(\.passageLabel)
            document.passages[index].nearMisses = labels.filter(\.belowThreshold).map(\.passageLabel)
        }
        if let offTopic { document.diagnostics.append(classifier.offTopicDiagnostic(offTopic)) }
        return document
    }

    /// SHA-256 over the label definitions that decide labels: every label set file, the hand lexicon and the
    /// threshold. Editing a cue changes it, and stored passages are then re-classified.
    public static func fingerprint(_ configuration: PipelineConfiguration) -> String {
        var material = "threshold=\(configuration.threshold)\nnear_miss=\(configuration.nearMissScore)\n"
        if let topic = configuration.topic {
            material += "topic=\(topic.minimumPerThousandWords):" + topic.cues.map { "\($0.language.rawValue)/\($0.term)" }.joined(separator: ",") + "\n"
        }
        for set in configuration.labelSets {
            material += "set=\(set.id)\n"
            material += (try? String(contentsOf: URL(fileURLWithPath: set.file), encoding: .utf8)) ?? set.file
        }
        let lexicon = configuration.lexicon
        for key in lexicon.finnish.keys.sorted() { material += "fi:\(key)=\(lexicon.finnish[key] ?? "")\n" }
        for key in lexicon.swedish.keys.sorted() { material += "sv:\(key)=\(lexicon.swedish[key] ?? "")\n" }
        return String(ContentHash.sha256(of: Data(material.utf8)).prefix(16))
    }
}
