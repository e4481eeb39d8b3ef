import EloClassification
import EloCore
import EloSettings

/// The human-readable form of `elo classify`'s result: per document, each label found with its
/// passage count and the best-scoring passage as a sample of the evidence.
enum ClassificationSummary {
    static func render(_ documents: [Document], configuration: PipelineConfiguration) -> String {
        var out = ""
        for document in documents {
            guard document.status.isReadable else {
                out += "\(document.path): \(document.status.rawValue) — not classified"
                if let reason = document.diagnostics.first(where: { $0.severity > .info }) {
                    out += " (\(reason.id): \(reason.message))"
                }
                out += "\n"
                continue
            }
            let labelled = document.passages.filter { !($0.labels ?? []).isEmpty }
            out +=
                "\(document.path): \(document.passages.count) passages, \(labelled.count) labelled (pipeline \(configuration.name))\n"
            if let offTopic = document.diagnostics.first(where: { $0.id == TopicRule.diagnosticID }) {
                out += "  \(offTopic.message)\n"
            }
            for set in configuration.labelSets {
                for label in set.labels {
                    let hits = document.passages.compactMap { passage in
                        passage.labels?.first { $0.id == label.id }.map { (passage, $0) }
                    }
                    guard let best = hits.max(by: { $0.1.score < $1.1.score }) else { continue }
                    let cues = Set(hits.flatMap { $0.1.evidence.map(\.cue) }).sorted().prefix(6).joined(separator: ", ")
                    out += "  \(label.id): \(hits.count) passage\(hits.count == 1 ? "" : "s") (cues: \(cues))\n"
                    out +=
                        "    e.g. p.\(best.0.page) score \(best.1.score): \(sample(best.0.text, around: best.1.evidence[0]))\n"
                }
            }
        }
        let labelled = documents.reduce(0) { $0 + $1.passages.filter { !($0.labels ?? []).isEmpty }.count }
        out += "\(documents.count) document\(documents.count == 1 ? "" : "s"), \(labelled) labelled passages\n"
        return out
    }

    /// Up to ~100 characters of `text` around the evidence, the matched words in «…».
    static func sample(_ text: String, around evidence: PassageLabel.Evidence) -> String {
        let characters = Array(text)
        guard evidence.start >= 0, evidence.end <= characters.count, evidence.start < evidence.end else { return text }
        let from = max(0, evidence.start - 45)
        let to = min(characters.count, evidence.end + 45)
        return (from > 0 ? "…" : "") + String(characters[from..<evidence.start]) + "«"
            + String(characters[evidence.start..<evidence.end]) + "»"
            + String(characters[evidence.end..<to]) + (to < characters.count ? "…" : "")
    }
}
