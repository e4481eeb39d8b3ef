import EloCore
import EloSettings

extension PassageClassifier {
    /// The document with every passage's `labels` filled in (an empty list when none applies).
    /// Passages are classified together so that anchors can be found in neighbouring passages.
    /// A document off the pipeline's `topic:` gets no labels and a `classification.off-topic` warning.
    /// `keepingNearMisses` also fills `nearMisses` (labels scored below their threshold, for the reports).
    /// This is the one labelling path: `elo classify`, `elo ingest` and the reports' labels all come from it.
    public func label(_ document: Document, keepingNearMisses: Bool = false) -> Document {
        var document = document
        let (decisions, offTopic) = documentDecisions(document.passages)
        for (index, labels) in decisions.enumerated() where index < document.passages.count {
            document.passages[index].labels = labels.filter { !$0.belowThreshold }.map(\.passageLabel)
            if keepingNearMisses {
                document.passages[index].nearMisses = labels.filter(\.belowThreshold).map(\.passageLabel)
            }
        }
        if let offTopic { document.diagnostics.append(offTopicDiagnostic(offTopic)) }
        return document
    }

    /// What a secretary reads when a document was not labelled because it hardly speaks of guidance.
    public func offTopicDiagnostic(_ count: TopicRule.Count) -> Diagnostic {
        let minimum = configuration.topic?.minimumPerThousandWords ?? 0
        let words = configuration.topic?.cues.prefix(4).map(\.term).joined(separator: ", ") ?? ""
        return Diagnostic(
            id: TopicRule.diagnosticID, severity: .warning,
            message:
                "not labelled: the document hardly speaks of guidance — \(count.topicWords) topic words (\(words), …) in "
                + "\(count.words) words, below `topic: min_per_1000_words: \(Self.format(minimum))` of \(configuration.file). "
                + "If it is a guidance document, add the words it uses to `topic:` there")
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}

extension LabelDecision {
    /// The form stored on `Passage.labels` and printed by `elo classify --json`.
    public var passageLabel: PassageLabel {
        PassageLabel(id: id, score: score, evidence: evidence)
    }
}
