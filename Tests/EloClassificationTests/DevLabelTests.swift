import Foundation
import EloCore
import Foundation
import Testing
@testable import EloClassification

/// Scores the shipped pipelines on the dev gold labels. The floors sit a little below the measured
/// figures: a cue change that makes the classifier clearly worse fails here.
@Suite struct DevLabelTests {
    /// Measured 2026-11-26 on seeds-dev.jsonl with the test plain-text segmentation: okm2011 0.825,
    /// tem2012 0.732, raportti2014 0.784, ohjaamo 0.710.
    static let seedFloors: [String: Double] = ["okm2011": 0.80, "tem2012": 0.70, "raportti2014": 0.75, "ohjaamo": 0.68]

    func report(_ mode: MatchingMode, pipeline: String = "elo-2014.yaml", labels: String = "seeds-dev.jsonl") throws -> EvaluationReport {
        let configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent(pipeline))
        let gold = try GoldLabel.load(Repository.root.appendingPathComponent("corpus/labels/\(labels)"))
        let documents = PlainTextPassages.documents(in: Repository.seeds)
        return try Evaluator(configuration: configuration, mode: mode).evaluate(gold, documents: documents)
    }

    @Test(.enabled(if: Repository.hasSeeds, "../shared/seeds is absent: seed dev labels not scored"))
    func seedLabelsMeetFloors() throws {
        let morphology = try report(.morphology)
        let baseline = try report(.substring)
        #expect(morphology.unmatched.isEmpty, "unmatched quotes: \(morphology.unmatched)")
        let okm = try #require(morphology.sets.first { $0.set == "okm2011" }?.macroF1)
        let okmBaseline = try #require(baseline.sets.first { $0.set == "okm2011" }?.macroF1)
        #expect(okm > okmBaseline, "morphology must beat the substring baseline")
        for set in morphology.sets {
            let base = baseline.sets.first { $0.set == set.set }?.macroF1 ?? 0
            print("seeds-dev \(set.set): macro-F1 \(String(format: "%.3f", set.macroF1 ?? 0)) micro-F1 \(String(format: "%.3f", set.microF1 ?? 0)) baseline macro-F1 \(String(format: "%.3f", base))")
            for label in set.labels {
                print("  \(label.id) tp \(label.truePositives) fp \(label.falsePositives) fn \(label.falseNegatives) f1 \(label.f1.map { String(format: "%.2f", $0) } ?? "-")")
            }
            if let floor = Self.seedFloors[set.set] { #expect((set.macroF1 ?? 0) >= floor, "\(set.set) macro-F1 fell below \(floor)") }
        }
    }
}

/// The corpus gold labels (written by another engineer), scored on the plain-text documents the test
/// reader can read; PDFs wait for the extraction stage (their quotes are reported as unmatched).
@Suite struct CorpusLabelTests {
    static let corpus = Repository.root.appendingPathComponent("corpus")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("labels/elo2020-dev.jsonl").path) }

    @Test(.enabled(if: hasCorpus, "corpus/labels absent"))
    func elo2020LabelsAreScored() throws {
        let configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent("elo-2020.yaml"))
        let gold = try GoldLabel.load(Self.corpus.appendingPathComponent("labels/elo2020-dev.jsonl"))
        var documents = PlainTextPassages.documents(in: Self.corpus.appendingPathComponent("documents-2020"))
        if Repository.hasSeeds { documents.merge(PlainTextPassages.documents(in: Repository.seeds)) { a, _ in a } }
        for mode in MatchingMode.allCases {
            let report = try Evaluator(configuration: configuration, mode: mode).evaluate(gold, documents: documents)
            for set in report.sets {
                print("elo2020-dev [\(mode.rawValue)] \(set.set): macro-F1 \(String(format: "%.3f", set.macroF1 ?? 0)) over \(set.passages) passages; unmatched \(report.unmatched.count)")
            }
        }
    }
}
