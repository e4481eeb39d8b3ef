import EloCore
import Foundation
import Testing
@testable import EloClassification

/// Scores the shipped pipelines on the dev gold labels, with passages from the real pipeline
/// (extraction + normalisation). Each floor sits a little below the measured figure: a cue change
/// that makes the classifier clearly worse fails here. Measured with the real pipeline (DocumentReader):
/// seeds-dev okm2011 0.686 (substring baseline 0.526), tem2012 0.587 (0.441), raportti2014 0.746 (0.745),
/// ohjaamo 0.698 (0.462); corpus-dev half A okm2011 0.610 (0.514), tem2012 0.443 (0.416), raportti2014
/// 0.372 (0.307), ohjaamo 0.752 (0.741); elo2020-dev elo2020 0.558 (0.501). The targets of issue 3
/// (≥ 0.80 for okm2011, ohjaamo, elo2020; ≥ +0.15 over the baseline) are NOT met yet.
@Suite struct DevLabelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var pipeline: String
        var labels: String
        /// nil: all lines; "A"/"B": that half of the corpus documents (see `DevCorpus.corpusHalf`).
        var half: Character?
        /// set → (classifier floor, minimum gain over the substring baseline)
        var floors: [String: (macro: Double, gain: Double)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "seeds-dev", pipeline: "elo-2014.yaml", labels: "seeds-dev.jsonl", half: nil,
             floors: ["okm2011": (0.66, 0.13), "ohjaamo": (0.67, 0.20), "tem2012": (0.56, 0.12), "raportti2014": (0.72, -0.05)]),
        Case(name: "corpus-dev half A (tuned on)", pipeline: "elo-2014.yaml", labels: "corpus-dev.jsonl", half: "A",
             floors: ["okm2011": (0.58, 0.07), "ohjaamo": (0.72, -0.05), "tem2012": (0.41, -0.02), "raportti2014": (0.34, 0.03)]),
        // Held out: never looked at while tuning cues. Measured okm2011 0.556 (baseline 0.517),
        // tem2012 0.565 (0.563), raportti2014 0.511 (0.397), ohjaamo 0.480 (0.530).
        Case(name: "corpus-dev half B (held out)", pipeline: "elo-2014.yaml", labels: "corpus-dev.jsonl", half: "B",
             floors: ["okm2011": (0.53, 0.0), "ohjaamo": (0.45, -0.08), "tem2012": (0.53, -0.03), "raportti2014": (0.48, 0.08)]),
        Case(name: "elo2020-dev", pipeline: "elo-2020.yaml", labels: "elo2020-dev.jsonl", half: nil,
             floors: ["elo2020": (0.53, 0.03)]),
    ]

    static func reports(_ item: Case) throws -> (classifier: EvaluationReport, baseline: EvaluationReport) {
        let configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent(item.pipeline))
        var gold = try GoldLabel.load(Repository.labels.appendingPathComponent(item.labels), knownSets: configuration.labelSets)
        if let half = item.half { gold = DevCorpus.corpusHalf(half, of: gold) }
        let documents = DevCorpus.passages
        return (try Evaluator(configuration: configuration, mode: .morphology).evaluate(gold, documents: documents),
                try Evaluator(configuration: configuration, mode: .substring).evaluate(gold, documents: documents))
    }

    @Test(.enabled(if: Repository.hasSeeds && Repository.hasCorpus, "../shared/seeds or corpus/labels absent: dev labels not scored"),
          arguments: cases)
    func devLabelsMeetFloors(_ item: Case) throws {
        let (morphology, baseline) = try Self.reports(item)
        #expect(morphology.unmatched.isEmpty, "unmatched quotes: \(morphology.unmatched.map { "\($0.line) \($0.reason) \($0.quote)" })")
        for set in morphology.sets {
            let macro = set.macroF1 ?? 0
            let base = baseline.sets.first { $0.set == set.set }?.macroF1 ?? 0
            print(String(format: "dev %@ %@: macro-F1 %.3f micro-F1 %.3f baseline macro-F1 %.3f (%+.3f) over %d passages",
                         item.name, set.set, macro, set.microF1 ?? 0, base, macro - base, set.passages))
            for label in set.labels {
                print("  \(label.id) tp \(label.truePositives) fp \(label.falsePositives) fn \(label.falseNegatives) f1 \(label.f1.map { String(format: "%.2f", $0) } ?? "-")")
            }
            guard let floor = item.floors[set.set] else { continue }
            #expect(macro >= floor.macro, "\(item.name) \(set.set): macro-F1 \(macro) fell below the floor \(floor.macro)")
            #expect(macro - base >= floor.gain, "\(item.name) \(set.set): gain over the baseline \(macro - base) fell below \(floor.gain)")
        }
        #expect(Set(morphology.sets.map(\.set)).isSuperset(of: item.floors.keys), "a set with a floor was not scored")
    }
}
