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
            guard let analyser, let text = matcher.analyse(passage.text, language: passage.language), text.swedish else { return [] }
            return Set(text.tokens.flatMap { analyser.featureWords($0.text, finnish: false, swedish: true) }.map { String($0.dropFirst(3)) })
        }
    }

    /// The feature vector of one analysed passage (see `FeatureVector`).
    func features(_ text: AnalysedText, rules: [LabelDecision], words: FeatureWords) -> FeatureVector {
        guard let analyser else { return FeatureVector(values: [:]) }
        var counts: [String: Int] = [:]
        var firstWord: [String: Int] = [:]
        for (index, token) in text.tokens.enumerated() {
            for name in words.names(token.text, finnish: text.finnish, swedish: text.swedish, analyser: analyser) {
                counts[name, default: 0] += 1
                if firstWord[name] == nil { firstWord[name] = index }
            }
        }
        var values: [String: Double] = [:]
        values.reserveCapacity(counts.count + rules.count * 2 + 1)
        var squares = 0.0
        for (name, count) in counts {
            let value = 1 + log(Double(count))
            values[name] = value
            squares += value * value
        }
        if squares > 0 {
            let norm = sqrt(squares)
            for name in counts.keys { values[name]! /= norm }
        }
        for rule in rules {
            values["rule:" + rule.id] = rule.score
            if !rule.belowThreshold { values["given:" + rule.id] = 1 }
        }
        values[FeatureVector.lengthFeature(text.tokens.count)] = 1
        return FeatureVector(values: values, firstWord: firstWord)
    }

    /// Rules and model together (`LearnedLayer`): a modelled label is given on the model's probability, or on the
    /// rules' word when the model does not rule it out; it needs its anchor like a cue-made label. Labels the model
    /// does not know keep the rules' decision.
    func combine(_ learned: LearnedLayer, passages: [Passage], analysed: [AnalysedText?], rules: [[LabelDecision]],
                 context: AnchorContext) -> [[LabelDecision]] {
        passages.indices.map { index in
            guard Self.isLabellable(passages[index]), let text = analysed[index] else { return rules[index] }
            let features = features(text, rules: rules[index], words: featureWords)
            let probabilities = learned.model.probabilities(features)
            let byID = Dictionary(rules[index].map { ($0.id, $0) }) { first, _ in first }
            return configuration.labels.indices.compactMap { labelIndex in
                let id = configuration.labels[labelIndex].id
                guard let probability = probabilities[id] else { return byID[id] }
                return decision(id, labelIndex: labelIndex, probability: probability, rule: byID[id], features: features,
                                text: text, learned: learned, at: index, context: context)
            }
        }
    }

    private func decision(_ id: String, labelIndex: Int, probability: Double, rule: LabelDecision?, features: FeatureVector,
                          text: AnalysedText, learned: LearnedLayer, at index: Int, context: AnchorContext) -> LabelDecision? {
        let ruleGives = rule.map { !$0.belowThreshold } ?? false
        let given = learned.gives(probability: probability, ruleGives: ruleGives)
        guard given || rule != nil || learned.isNearMiss(probability: probability) else { return nil }
        var anchorEvidence = rule?.anchor
        if anchorEvidence == nil, let anchorIndex = labelAnchor[labelIndex] {
            anchorEvidence = anchor(anchorIndex, near: index, hits: context.hits, sectionHeading: context.sectionHeading[index],
                                    continues: context.continues[index])
            guard anchorEvidence != nil else { return nil }
        }
        let words = learned.model.strongestWords(for: id, in: features).compactMap { feature, contribution -> Evidence? in
            guard let index = features.firstWord[feature], text.tokens.indices.contains(index) else { return nil }
            let token = text.tokens[index]
            return Evidence(cue: Self.modelCue(feature, contribution), text: token.text, start: token.start, end: token.end)
        }
        var evidence = (rule?.evidence ?? []) + words
        guard !evidence.isEmpty else { return nil }
        evidence.sort { ($0.start, $0.end, $0.cue) < ($1.start, $1.end, $1.cue) }
        // a near-miss keeps the rules' score (what the reports' weak level reads); a given label the higher of both
        let score = max(probability, rule?.score ?? 0)
        return LabelDecision(id: id, score: (score * 1000).rounded() / 1000, evidence: evidence, anchor: anchorEvidence,
                             belowThreshold: !given)
    }

    /// How a model-made piece of evidence reads in reports: `model: ohjauspalvelu +0.42`.
    static func modelCue(_ feature: String, _ contribution: Double) -> String {
        let word = feature.split(separator: ":", maxSplits: 1).last.map(String.init) ?? feature
        return "model: \(word) +" + String(format: "%.2f", contribution)
    }
}
