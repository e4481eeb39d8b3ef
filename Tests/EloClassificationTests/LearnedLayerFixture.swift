import EloCore
import EloTestSupport
import Foundation

@testable import EloClassification
@testable import EloSettings

/// A small word-bag corpus made here: documents whose quality paragraphs use words no cue lists (arviointi,
/// palaute, kriteeri, …) and whose other paragraphs talk of availability (the cue `saatavuus`) or of nothing.
enum LearnedLayerFixture {
    static let quality = ["arviointi", "palaute", "kriteeri", "seuranta", "mittari", "vaikuttavuus"]
    static let filler = ["kunta", "talous", "liikenne", "kirjasto", "rakennus", "katu", "puisto", "vesi", "sähkö"]

    static var configuration: PipelineConfiguration {
        let a = LabelDefinition(
            id: "t.a", nameFi: "a", nameSv: "a", definition: "a", cues: [Cue(term: "saatavuus", language: .finnish)])
        let b = LabelDefinition(
            id: "t.b", nameFi: "b", nameSv: "b", definition: "b", cues: [Cue(term: "laatu", language: .finnish)])
        return PipelineConfiguration(
            file: "p", name: "p", labelSets: [LabelSet(id: "t", nameFi: "t", nameSv: "t", file: "t", labels: [a, b])],
            threshold: 0.5)
    }

    /// `documents` documents of six paragraphs: two about quality (t.b), two about availability (t.a), two of filler.
    static func gold(documents: Int = 12) -> [GoldLabel] {
        var random = SplitMix(seed: 7)
        var lines: [GoldLabel] = []
        for document in 0..<documents {
            for para in 0..<6 {
                var words: [String: Int] = [:]
                for _ in 0..<14 { words[filler[Int(random.next() % UInt64(filler.count))], default: 0] += 1 }
                var labels: [String] = []
                switch para % 3 {
                case 0:
                    for _ in 0..<3 { words[quality[Int(random.next() % UInt64(quality.count))], default: 0] += 1 }
                    labels = ["t.b"]
                case 1:
                    words["saatavuus", default: 0] += 2
                    labels = ["t.a"]
                default: break
                }
                lines.append(
                    GoldLabel(
                        document: "doc-\(document).txt", para: para, words: words, labels: labels, sets: ["t"],
                        line: lines.count + 1))
            }
        }
        return lines
    }
}
