import EloClassification
import EloCore
import EloExtraction
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
        classifier.label(document, keepingNearMisses: true)
    }

    /// SHA-256 over what decides labels: the label definitions (every label-set file, the hand lexicon, the
    /// thresholds, the topic rule) and the learned layer (its weights and thresholds). Editing a cue or retraining
    /// changes it, and stored passages are then re-classified.
    public static func fingerprint(_ configuration: PipelineConfiguration) -> String {
        var material = configuration.labelDefinitions
        if let learned = configuration.learned {
            material +=
                "model=\(learned.digest) \(learned.threshold.map { "\($0)" } ?? "-")/\(learned.keepRuleLabels.map { "\($0)" } ?? "-")\n"
        }
        return String(ContentDigest.sha256(of: Data(material.utf8)).prefix(16))
    }
}
