import EloCore
import EloNormalisation
import EloSettings
import Foundation

/// Scores a pipeline's labels against gold label lines (taxonomy.md rules): each line's passage is placed among
/// the project's own passages (`GoldPlacement`: quotes located, word-bag lines by paragraph), the passage's
/// predicted labels in each judged set are compared with the gold labels, and lines that cannot be placed are
/// reported, never dropped.
public struct Evaluator {
    public var configuration: PipelineConfiguration
    public var mode: MatchingMode
    public var analysisCache: Bool

    public init(configuration: PipelineConfiguration, mode: MatchingMode = .morphology, analysisCache: Bool = true) {
        self.configuration = configuration
        self.mode = mode
        self.analysisCache = analysisCache
    }

    /// `documents` maps a document file name to its passages; word-bag documents are made from `gold` itself.
    public func evaluate(_ gold: [GoldLabel], documents read: [String: [Passage]]) throws(LexiconError)
        -> EvaluationReport
    {
        let documents = GoldPlacement.documents(gold, read: read)
        let classifier = try PassageClassifier(configuration: configuration, mode: mode, analysisCache: analysisCache)
        let clock = ContinuousClock()
        var predictions: [String: [[LabelDecision]]] = [:]
        var classified = 0
        let elapsed = clock.measure {
            for name in Set(gold.map(\.document)).sorted() {
                guard let passages = documents[name] else { continue }
                predictions[name] = classifier.classify(passages)
                classified += passages.count
            }
        }
        var report = Self.score(
            gold, documents: documents, predictions: predictions, labelSets: configuration.labelSets)
        report.mode = mode.rawValue
        report.passagesClassified = classified
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        report.passagesPerSecond = report.seconds > 0 ? Double(classified) / report.seconds : nil
        return report
    }

    /// The report for `predictions` (per document, per passage, given labels only) against `gold`.
    public static func score(
        _ gold: [GoldLabel], documents: [String: [Passage]], predictions: [String: [[LabelDecision]]],
        labelSets: [LabelSet]
    ) -> EvaluationReport {
        let placement = GoldPlacement(gold, documents: documents)
        var tally = Tally(labelSets: labelSets)
        var unmatched: [EvaluationReport.UnmatchedQuote] = []
        var ambiguous = 0
        var matched = 0
        var mistakes: [EvaluationReport.Mistake] = []
        for (line, place) in zip(gold, placement.places) {
            guard case .passage(let document, let index, let isAmbiguous) = place,
                let predicted = predictions[document]?[index]
            else {
                let reason = if case .unmatched(let reason) = place { reason } else { "document-not-found" }
                unmatched.append(.init(line: line.line, document: line.document, quote: line.quote, reason: reason))
                continue
            }
            matched += 1
            if isAmbiguous { ambiguous += 1 }
            let passage = documents[document]?[index]
            let judgedIDs = Set(labelSets.filter { line.sets.contains($0.id) }.flatMap(\.labels).map(\.id))
            let predictedIDs = Set(predicted.map(\.id))
            let missed = line.labels.filter { judgedIDs.contains($0) && !predictedIDs.contains($0) }
            let extra = predicted.filter { judgedIDs.contains($0.id) && !line.labels.contains($0.id) }
            if !missed.isEmpty || !extra.isEmpty {
                mistakes.append(
                    .init(
                        line: line.line, document: line.document, quote: line.quote, passage: passage?.text ?? "",
                        missed: missed, extra: extra))
            }
            tally.add(
                gold: Set(line.labels), predicted: predictedIDs, sets: line.sets,
                language: passage?.language ?? .unknown)
        }
        return EvaluationReport(
            mode: MatchingMode.morphology.rawValue, lines: gold.count, matched: matched, sets: tally.sets(),
            unmatched: unmatched, ambiguous: ambiguous, mistakes: mistakes, passagesClassified: 0, seconds: 0,
            passagesPerSecond: nil, languages: tally.languages())
    }

    static func score(set: String, labels: [String], counts: [String: (tp: Int, fp: Int, fn: Int)], passages: Int)
        -> EvaluationReport.SetScore
    {
        var scores: [EvaluationReport.LabelScore] = []
        var total = (tp: 0, fp: 0, fn: 0)
        for id in labels {
            let c = counts[id] ?? (0, 0, 0)
            total = (total.tp + c.tp, total.fp + c.fp, total.fn + c.fn)
            scores.append(
                .init(
                    id: id, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn,
                    precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn),
                    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn)))
        }
        let f1s = scores.compactMap(\.f1)
        return .init(
            set: set, passages: passages, labels: scores,
            microPrecision: ratio(total.tp, total.tp + total.fp), microRecall: ratio(total.tp, total.tp + total.fn),
            microF1: ratio(2 * total.tp, 2 * total.tp + total.fp + total.fn),
            macroF1: f1s.isEmpty ? nil : f1s.reduce(0, +) / Double(f1s.count))
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}

/// True and false positives and negatives per label, over all lines and per passage language.
struct Tally {
    typealias Counts = [String: (tp: Int, fp: Int, fn: Int)]
    let labelSets: [LabelSet]
    var counts: Counts = [:]
    var judged: [String: Int] = [:]
    var byLanguage: [Language: (counts: Counts, judged: [String: Int])] = [:]

    init(labelSets: [LabelSet]) { self.labelSets = labelSets }

    mutating func add(gold: Set<String>, predicted: Set<String>, sets: [String], language: Language) {
        var perLanguage = byLanguage[language] ?? ([:], [:])
        for set in labelSets where sets.contains(set.id) {
            judged[set.id, default: 0] += 1
            perLanguage.judged[set.id, default: 0] += 1
            for id in set.labels.map(\.id) {
                Self.count(&counts, id, isGold: gold.contains(id), isPredicted: predicted.contains(id))
                Self.count(&perLanguage.counts, id, isGold: gold.contains(id), isPredicted: predicted.contains(id))
            }
        }
        byLanguage[language] = perLanguage
    }

    private static func count(_ counts: inout Counts, _ id: String, isGold: Bool, isPredicted: Bool) {
        var count = counts[id] ?? (0, 0, 0)
        if isGold && isPredicted {
            count.tp += 1
        } else if isPredicted {
            count.fp += 1
        } else if isGold {
            count.fn += 1
        }
        counts[id] = count
    }

    func sets() -> [EvaluationReport.SetScore] { Self.sets(labelSets, counts, judged) }

    func languages() -> [EvaluationReport.LanguageScore] {
        byLanguage.keys.sorted { $0.rawValue < $1.rawValue }.map { language in
            let entry = byLanguage[language]!
            return .init(
                language: language.rawValue, passages: entry.judged.values.max() ?? 0,
                sets: Self.sets(labelSets, entry.counts, entry.judged))
        }
    }

    private static func sets(_ labelSets: [LabelSet], _ counts: Counts, _ judged: [String: Int]) -> [EvaluationReport
        .SetScore]
    {
        labelSets.filter { judged[$0.id] != nil }.map { set in
            Evaluator.score(set: set.id, labels: set.labels.map(\.id), counts: counts, passages: judged[set.id] ?? 0)
        }
    }
}
