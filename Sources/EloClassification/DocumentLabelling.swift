import EloCore

extension PassageClassifier {
    /// The document with every passage's `labels` filled in (an empty list when none applies).
    /// Passages are classified together so that anchors can be found in neighbouring passages.
    public func label(_ document: Document) -> Document {
        var document = document
        let decisions = classify(document.passages)
        for index in document.passages.indices {
            document.passages[index].labels = decisions[index].map(\.passageLabel)
        }
        return document
    }
}

extension LabelDecision {
    /// The form stored on `Passage.labels` and printed by `elo classify --json`.
    public var passageLabel: PassageLabel {
        PassageLabel(id: id, score: score, evidence: evidence)
    }
}
