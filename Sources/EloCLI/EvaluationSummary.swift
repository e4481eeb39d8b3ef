import EloClassification
import EloPipeline
import Foundation

/// The human-readable form of `elo eval`'s result: a table per label set, then the unmatched quotes.
enum EvaluationSummary {
    static func render(_ result: EvaluationJob.Result, labelFile: String, pipeline: String, mistakes: Bool = false)
        -> String
    {
        let report = result.classifier
        var out =
            "\(labelFile) on pipeline \(pipeline): \(report.lines) label lines, \(report.matched) matched, \(report.unmatched.count) unmatched"
        if report.ambiguous > 0 { out += ", \(report.ambiguous) found in several passages (first scored)" }
        out += "\n"
        for set in report.sets {
            let base = result.baseline?.sets.first { $0.set == set.set }
            out += "\n\(set.set) (\(set.passages) passages)\n"
            out +=
                pad("  label", 34) + "     P      R     F1   tp  fp  fn" + (base == nil ? "" : "   baseline F1") + "\n"
            for label in set.labels {
                out +=
                    pad("  \(label.id)", 34) + " \(number(label.precision)) \(number(label.recall)) \(number(label.f1))"
                out += " \(count(label.truePositives)) \(count(label.falsePositives)) \(count(label.falseNegatives))"
                if let base { out += "   " + number(base.labels.first { $0.id == label.id }?.f1) }
                out += "\n"
            }
            out +=
                pad("  micro", 34)
                + " \(number(set.microPrecision)) \(number(set.microRecall)) \(number(set.microF1))\n"
            out += "  macro F1 \(number(set.macroF1).trimmingCharacters(in: .whitespaces))"
            if let base, let macro = set.macroF1, let baseMacro = base.macroF1 {
                out += String(format: "   baseline %.3f (%+.3f)", baseMacro, macro - baseMacro)
            }
            out += "\n"
        }
        out += languages(report)
        if let folds = report.folds {
            out += "\nscored by \(folds)-fold cross-validation by document (model fitted on the other folds)\n"
        }
        if !report.unmatched.isEmpty {
            out += "\nunmatched quotes:\n"
            for quote in report.unmatched {
                out +=
                    "  \(labelFile):\(quote.line): \(quote.reason) in \(quote.document): \"\(quote.quote.prefix(80))\"\n"
            }
        }
        if mistakes, !report.mistakes.isEmpty {
            out += "\nmistakes (- missed gold label, + label not in gold, with its evidence):\n"
            for mistake in report.mistakes {
                out += "  \(labelFile):\(mistake.line) \(mistake.document): \"\(mistake.quote.prefix(80))\"\n"
                for id in mistake.missed { out += "    - \(id)\n" }
                for decision in mistake.extra {
                    out +=
                        "    + \(decision.id) \(decision.score): \(decision.evidence.map { "\($0.text)[\($0.cue)]" }.joined(separator: " "))\n"
                }
                if mistake.passage.count > mistake.quote.count + 20 {
                    out += "    passage: \(mistake.passage.prefix(300))\n"
                }
            }
        }
        if let rate = report.passagesPerSecond {
            out += String(
                format: "\nclassified %d passages in %.2f s (%.0f passages/s, one core)\n", report.passagesClassified,
                report.seconds, rate)
        }
        return out
    }

    /// One line per passage language and set: macro-F1, micro precision and recall.
    private static func languages(_ report: EvaluationReport) -> String {
        guard report.languages.count > 1 else { return "" }
        var out = "\nper language (macro F1, micro P, micro R):\n"
        for language in report.languages {
            out += "  \(pad(language.language, 8)) \(language.passages) passages:"
            for set in language.sets {
                out +=
                    "  \(set.set) \(number(set.macroF1).trimmingCharacters(in: .whitespaces))"
                    + " (\(number(set.microPrecision).trimmingCharacters(in: .whitespaces)), \(number(set.microRecall).trimmingCharacters(in: .whitespaces)))"
            }
            out += "\n"
        }
        return out
    }

    private static func number(_ value: Double?) -> String {
        value.map { String(format: "%6.3f", $0) } ?? "     -"
    }

    private static func count(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, 3 - text.count)) + text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
