import EloCore
import Foundation

/// The learned layer inside the classifier: features of a passage, and the decision of rules and model together.
extension PassageClassifier {
    /// Whether a passage can carry labels at all: headings and title-like paragraphs never do.
    static func isLabellable(_ passage: Passage) -> Bool { passage.kind != .heading && !isTitleLike(passage) }

    /// The features of every passage (nil for headings and titles), for training: rule scores come from the cue
    /// rules alone, Swedish compounds are split at `swedishVocabulary`.
    public func trainingFeatures(_ passages: [Passage], swedishVocabulary: Set<String>) -> [FeatureVector?] {
        let analysed = passages.map { matcher.analyse($0.text, language: $0.language) }
        let (rules, _) = decisions(passages, analysed: analysed)
        let words = FeatureWords(compounds: SwedishCompounds(vocabulary: swedishVocabulary))
        return passages.indices.map { index in
            guard Self.isLabellable(passages[index]), let text = analysed[index] else { return nil }
            return features(text, rules: rules[index], words: words)
        }
    }

    /// The Swedish stems of each passage's words (whole words, before compound splitting), for the vocabulary
    /// compounds are split at.
    public func swedishStems(_ passages: [Passage]) -> [Set<String>] {
        passages.map { passage in
            guard let analyser, let text = matcher.analyse(passage.text, language: passage.language), text.swedish
            else { return [] }
            return Set(
                text.tokens.flatMap { analyser.featureWords($0.text, finnish: false, swedish: true) }.map {
                    String($0.dropFirst(3))
                })
        }
    }

    /// The feature vector of one analysed passage (see `FeatureVector`), for training.
    func features(_ text: AnalysedText, rules: [LabelDecision], words: FeatureWords) -> FeatureVector {
        guard let analyser else { return FeatureVector(values: [:]) }
        let passage = PassageWords(text, words: words, analyser: analyser)
        var values: [String: Double] = [:]
        for (entry, number) in passage.numbers.enumerated() { values[words.names[Int(number)]] = passage.values[entry] }
        for rule in rules {
            values["rule:" + rule.id] = rule.score
            if !rule.belowThreshold { values["given:" + rule.id] = 1 }
        }
        values[FeatureVector.lengthFeature(text.tokens.count)] = 1
        return FeatureVector(values: values)
    }

    /// Rules and model together (`LearnedLayer`): a modelled label is given on the model's probability, or on the
    /// rules' word when the model does not rule it out; it needs its anchor like a cue-made label. Labels the model
    /// does not know keep the rules' decision.
    func combine(
        model: CompiledModel, passages: [Passage], analysed: [AnalysedText?],
        rules: [[LabelDecision]], context: AnchorContext
    ) -> [[LabelDecision]] {
        let modelled = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        return passages.indices.map { index in
            guard Self.isLabellable(passages[index]), let text = analysed[index], let analyser else {
                return rules[index]
            }
            let passage = PassageWords(text, words: featureWords, analyser: analyser)
            let probabilities = model.probabilities(passage, rules: rules[index], tokens: text.tokens.count)
            let byID = Dictionary(rules[index].map { ($0.id, $0) }) { first, _ in first }
            return labels.indices.compactMap { labelIndex in
                let id = labels[labelIndex].id
                guard let modelIndex = modelled[id] else { return byID[id] }
                let found = ModelFinding(
                    label: modelIndex, probability: probabilities[modelIndex], passage: passage, text: text)
                return decision(
                    id, labelIndex: labelIndex, found: found, rule: byID[id], model: model,
                    at: index, context: context)
            }
        }
    }

    /// What the model found for one label in one passage.
    struct ModelFinding {
        var label: Int
        var probability: Double
        var passage: PassageWords
        var text: AnalysedText
    }

    private func decision(
        _ id: String, labelIndex: Int, found: ModelFinding, rule: LabelDecision?, model: CompiledModel,
        at index: Int, context: AnchorContext
    ) -> LabelDecision? {
        let probability = found.probability
        let ruleGives = rule.map { !$0.belowThreshold } ?? false
        let thresholds = modelThresholds[found.label]
        let given = thresholds.gives(probability: probability, ruleGives: ruleGives)
        guard given || rule != nil || thresholds.isNearMiss(probability: probability) else { return nil }
        var anchorEvidence = rule?.anchor
        if anchorEvidence == nil, let anchorIndex = labelAnchor[labelIndex] {
            anchorEvidence = anchor(
                anchorIndex, near: index, hits: context.hits, sectionHeading: context.sectionHeading[index],
                continues: context.continues[index])
            guard anchorEvidence != nil else { return nil }
        }
        let words = model.strongestWords(found.label, in: found.passage).map { entry, contribution -> Evidence in
            let token = found.text.tokens[found.passage.firstWord[entry]]
            let name = featureWords.names[Int(found.passage.numbers[entry])]
            return Evidence(
                cue: Self.modelCue(name, contribution), text: token.text, start: token.start, end: token.end)
        }
        var evidence = (rule?.evidence ?? []) + words
        guard !evidence.isEmpty else { return nil }
        evidence.sort { ($0.start, $0.end, $0.cue) < ($1.start, $1.end, $1.cue) }
        // a near-miss keeps the rules' score (what the reports' weak level reads); a given label the higher of both
        let score = max(probability, rule?.score ?? 0)
        return LabelDecision(
            id: id, score: (score * 1000).rounded() / 1000, evidence: evidence, anchor: anchorEvidence,
            belowThreshold: !given)
    }

    /// How a model-made piece of evidence reads in reports: `model: ohjauspalvelu +0.42`.
    static func modelCue(_ feature: String, _ contribution: Double) -> String {
        let word = feature.split(separator: ":", maxSplits: 1).last.map(String.init) ?? feature
        return "model: \(word) +" + Hundredths.text(contribution)
    }
}
