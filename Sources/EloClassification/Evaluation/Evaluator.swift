import EloCore
import EloNormalisation
import Foundation

/// Scores a pipeline's labels against gold label lines (taxonomy.md rules): each quote is located in
/// the project's own passages, the passage's predicted labels in each judged set are compared with
/// the gold labels, and quotes that cannot be placed are reported, never dropped.
public struct Evaluator {
    public var configuration: PipelineConfiguration
    public var mode: MatchingMode
    public var analysisCache: Bool

    public init(configuration: PipelineConfiguration, mode: MatchingMode = .morphology, analysisCache: Bool = true) {
        self.configuration = configuration
        self.mode = mode
        self.analysisCache = analysisCache
    }

    /// `documents` maps a document file name to its passages; names absent from it are unmatched.
    public func evaluate(_ gold: [GoldLabel], documents: [String: [Passage]]) throws(LexiconError) -> EvaluationReport {
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
        let locators = documents.mapValues { QuoteLocator(passages: $0) }
        let setIDs = configuration.labelSets.map(\.id)
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var judged: [String: Int] = [:]
        var unmatched: [EvaluationReport.UnmatchedQuote] = []
        var ambiguous = 0
        var matched = 0
        for line in gold {
            guard let locator = locators[line.document], let predicted = predictions[line.document] else {
                unmatched.append(.init(line: line.line, document: line.document, quote: line.quote, reason: "document-not-found"))
                continue
            }
            let index: Int
            switch locator.locate(line.quote) {
            case let .passage(found, occurrences):
                index = found
                if occurrences > 1 { ambiguous += 1 }
            case .spansPassages:
                unmatched.append(.init(line: line.line, document: line.document, quote: line.quote, reason: "spans-passages"))
                continue
            case .notFound:
                unmatched.append(.init(line: line.line, document: line.document, quote: line.quote, reason: "not-found"))
                continue
            }
            matched += 1
            let predictedIDs = Set(predicted[index].map(\.id))
            for set in line.sets where setIDs.contains(set) {
                judged[set, default: 0] += 1
                let labels = configuration.labelSets.first { $0.id == set }?.labels.map(\.id) ?? []
                for id in labels {
                    let isGold = line.labels.contains(id), isPredicted = predictedIDs.contains(id)
                    var count = counts[id] ?? (0, 0, 0)
                    if isGold && isPredicted { count.tp += 1 } else if isPredicted { count.fp += 1 } else if isGold { count.fn += 1 }
                    counts[id] = count
                }
            }
        }
        let sets = configuration.labelSets.filter { judged[$0.id] != nil }.map { set in
            Self.score(set: set.id, labels: set.labels.map(\.id), counts: counts, passages: judged[set.id] ?? 0)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return EvaluationReport(
            mode: mode.rawValue, lines: gold.count, matched: matched, sets: sets, unmatched: unmatched,
            ambiguous: ambiguous, passagesClassified: classified, seconds: seconds,
            passagesPerSecond: seconds > 0 ? Double(classified) / seconds : nil)
    }

    static func score(set: String, labels: [String], counts: [String: (tp: Int, fp: Int, fn: Int)], passages: Int) -> EvaluationReport.SetScore {
        var scores: [EvaluationReport.LabelScore] = []
        var total = (tp: 0, fp: 0, fn: 0)
        for id in labels {
            let c = counts[id] ?? (0, 0, 0)
            total = (total.tp + c.tp, total.fp + c.fp, total.fn + c.fn)
            scores.append(.init(
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
