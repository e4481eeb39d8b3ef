import EloCore
import Foundation
import Testing

@testable import EloClassification

/// Scores the shipped pipelines on the dev gold labels, with passages from the real pipeline
/// (extraction + normalisation). Each floor sits a little below the measured figure: a cue change
/// that makes the classifier clearly worse fails here. Measured with the real pipeline (DocumentReader),
/// macro-F1 (substring baseline in brackets), after the fourth quality pass (issue 3: general rules for
/// koordinaatio, osaaminen, urataidot, saatavuus and ohjaamo cues; reader questions and list items for the
/// other 2014 sets): pooled dev (seeds-dev + corpus-dev) okm2011 0.830 (0.679), tem2012 0.619 (0.495),
/// raportti2014 0.571 (0.449), ohjaamo 0.882 (0.774); seeds-dev okm2011 0.762 (0.584), tem2012 0.577
/// (0.383), raportti2014 0.797 (0.745), ohjaamo 0.897 (0.421); corpus-dev half A okm2011 0.864 (0.706),
/// tem2012 0.611 (0.507), raportti2014 0.459 (0.338), ohjaamo 0.902 (0.834); half B okm2011 0.828 (0.732),
/// tem2012 0.709 (0.598), raportti2014 0.610 (0.397), ohjaamo 0.850 (0.814); elo2020-dev elo2020 0.804 (0.610).
/// Then the ohjaamo anchor's `from_anchor_sentence` (cue words before the sentence first naming the Ohjaamo do
/// not count): ohjaamo pooled 0.891 (0.774), seeds-dev 0.929 (0.421); corpus-dev halves unchanged; one
/// passage of all 2,478 in the corpus, seeds and real PDFs changed its labels (seed 000: `ohjaamo.nuoret`).
/// (Before the fourth pass: pooled okm2011 0.801 (0.668), tem2012 0.597 (0.505), raportti2014 0.571 (0.449),
/// ohjaamo 0.853 (0.774); seeds-dev okm2011 0.743 (0.568), tem2012 0.576 (0.441), raportti2014 0.797 (0.745),
/// ohjaamo 0.879 (0.421); half A okm2011 0.837 (0.712), tem2012 0.566 (0.446), raportti2014 0.459 (0.338),
/// ohjaamo 0.882 (0.834); half B okm2011 0.782 (0.715), tem2012 0.664 (0.581), raportti2014 0.610 (0.397),
/// ohjaamo 0.798 (0.814); elo2020-dev 0.804 (0.610). Before okm2011's `ignore_list_items` and
/// `reader_questions`: seeds-dev okm2011 0.740 (0.567), half A 0.830 (0.713), half B 0.760 (0.687).)
/// (Before the third quality pass, issue 3: seeds-dev okm2011 0.738 (0.564), half A okm2011 0.801 (0.691),
/// half B okm2011 0.589 (0.619). Before the second: seeds-dev okm2011 0.733, half A okm2011 0.720,
/// ohjaamo 0.880, elo2020-dev 0.717; elo2020-dev was 0.726 (0.582) before slide tables exported one cell
/// per line were split into cells — `PassageSegmenter.startsNewCell`, a segmentation rule, not a cue change.)
/// Per-label thresholds and cues were tuned on seeds-dev + half A (2014 sets) and elo2020-dev only,
/// until the third pass, whose later steps also read half B's okm2011 mistakes; the fourth pass read the
/// mistakes of the pooled set (all of corpus-dev): half B is no longer held out. elo2020-dev has no
/// held-out part. The targets of issue 3 (≥ 0.80 for okm2011, ohjaamo, elo2020; ≥ +0.15 over the baseline)
/// are met on the pooled set for the F1 of all three and for the gain of okm2011 (+0.151) and elo2020
/// (+0.194); ohjaamo's gain is +0.117 (its baseline is strong: an Ohjaamo passage names it in forms the
/// substring finds, and most of its remaining mistakes are passing mentions).
@Suite struct DevLabelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var pipeline: String
        /// Label files, read one after the other (the pooled set is seeds-dev + corpus-dev).
        var labels: [String]
        /// nil: all lines; "A"/"B": that half of the corpus documents (see `DevCorpus.corpusHalf`).
        var half: Character?
        /// set → (classifier floor, minimum gain over the substring baseline)
        var floors: [String: (macro: Double, gain: Double)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "pooled dev (seeds-dev + corpus-dev)", pipeline: "elo-2014.yaml",
            labels: ["seeds-dev.jsonl", "corpus-dev.jsonl"], half: nil,
            floors: [
                "okm2011": (0.82, 0.14), "ohjaamo": (0.88, 0.10), "tem2012": (0.60, 0.11), "raportti2014": (0.55, 0.10),
            ]),
        // tem2012 0.577 → 0.521 when tem2012.osaaminen was narrowed to competence developed in or through the
        // network (taxonomy.md; the real-dev annotation convention): seeds-dev counts guidance competence in general.
        Case(
            name: "seeds-dev", pipeline: "elo-2014.yaml", labels: ["seeds-dev.jsonl"], half: nil,
            floors: [
                "okm2011": (0.74, 0.16), "ohjaamo": (0.91, 0.48), "tem2012": (0.50, 0.17), "raportti2014": (0.78, 0.03),
            ]),
        Case(
            name: "corpus-dev half A (tuned on)", pipeline: "elo-2014.yaml", labels: ["corpus-dev.jsonl"], half: "A",
            floors: [
                "okm2011": (0.84, 0.14), "ohjaamo": (0.88, 0.05), "tem2012": (0.59, 0.08), "raportti2014": (0.43, 0.09),
            ]),
        // Held out until the third quality pass: measured once after tuning on seeds-dev and half A
        // (okm2011 0.618, baseline 0.635); then its okm2011 mistakes were read (not_addressed phrases,
        // koordinaatio, urataidot and saatavuus cues), and in the fourth pass all its mistakes (pooled set).
        // Measured after the third pass: okm2011 0.760 (baseline 0.687), tem2012 0.664 (0.581),
        // raportti2014 0.610 (0.397), ohjaamo 0.798 (0.814).
        // (Before the third pass: okm2011 0.589 (0.619).)
        // (Before the second quality pass: okm2011 0.588 (0.595), tem2012 0.577 (0.581), raportti2014
        // 0.511 (0.397), ohjaamo 0.700 (0.734); before the first: okm2011 0.556 (0.517), ohjaamo 0.480 (0.530).)
        Case(
            name: "corpus-dev half B (held out until issue 3)", pipeline: "elo-2014.yaml", labels: ["corpus-dev.jsonl"],
            half: "B",
            floors: [
                "okm2011": (0.80, 0.08), "ohjaamo": (0.83, 0.02), "tem2012": (0.69, 0.09), "raportti2014": (0.58, 0.18),
            ]),
        // Never tuned on: the same passages judged by a second annotator (corpus/labels/README.md, "Agreement").
        // Measured: okm2011 0.773 (0.606), ohjaamo 0.870 (0.762).
        Case(
            name: "second annotator (never tuned on)", pipeline: "elo-2014.yaml", labels: ["second-annotator.jsonl"],
            half: nil,
            floors: ["okm2011": (0.75, 0.14), "ohjaamo": (0.85, 0.09)]),
        Case(
            name: "elo2020-dev", pipeline: "elo-2020.yaml", labels: ["elo2020-dev.jsonl"], half: nil,
            floors: ["elo2020": (0.78, 0.15)]),
    ]

    static func reports(_ item: Case) throws -> (classifier: EvaluationReport, baseline: EvaluationReport) {
        var configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent(item.pipeline))
        // These floors guard the cue rules (and the gain of morphology over substrings, which only the rules
        // have): the learned layer was trained on these very passages, so it is measured by cross-validation
        // instead (`LearnedLayerDevTests`).
        configuration.learned = nil
        var gold: [GoldLabel] = []
        for file in item.labels {
            gold += try GoldLabel.load(
                Repository.labels.appendingPathComponent(file), knownSets: configuration.labelSets)
        }
        if let half = item.half { gold = DevCorpus.corpusHalf(half, of: gold) }
        let documents = DevCorpus.passages
        return (
            try Evaluator(configuration: configuration, mode: .morphology).evaluate(gold, documents: documents),
            try Evaluator(configuration: configuration, mode: .substring).evaluate(gold, documents: documents)
        )
    }

    @Test(
        .enabled(
            if: Repository.hasSeeds && Repository.hasCorpus,
            "../shared/seeds or corpus/labels absent: dev labels not scored"),
        arguments: cases)
    func devLabelsMeetFloors(_ item: Case) throws {
        let (morphology, baseline) = try Self.reports(item)
        #expect(
            morphology.unmatched.isEmpty,
            "unmatched quotes: \(morphology.unmatched.map { "\($0.line) \($0.reason) \($0.quote)" })")
        for set in morphology.sets {
            let macro = set.macroF1 ?? 0
            let base = baseline.sets.first { $0.set == set.set }?.macroF1 ?? 0
            print(
                String(
                    format: "dev %@ %@: macro-F1 %.3f micro-F1 %.3f baseline macro-F1 %.3f (%+.3f) over %d passages",
                    item.name, set.set, macro, set.microF1 ?? 0, base, macro - base, set.passages))
            for label in set.labels {
                print(
                    "  \(label.id) tp \(label.truePositives) fp \(label.falsePositives) fn \(label.falseNegatives) f1 \(label.f1.map { String(format: "%.2f", $0) } ?? "-")"
                )
            }
            guard let floor = item.floors[set.set] else { continue }
            #expect(
                macro >= floor.macro, "\(item.name) \(set.set): macro-F1 \(macro) fell below the floor \(floor.macro)")
            #expect(
                macro - base >= floor.gain,
                "\(item.name) \(set.set): gain over the baseline \(macro - base) fell below \(floor.gain)")
        }
        #expect(Set(morphology.sets.map(\.set)).isSuperset(of: item.floors.keys), "a set with a floor was not scored")
    }
}
