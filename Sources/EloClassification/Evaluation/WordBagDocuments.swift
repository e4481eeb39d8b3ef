import EloCore
import EloNormalisation

/// The documents of word-bag label lines, as passages the classifier can read: each document's paragraphs in
/// paragraph order, each paragraph's words written out (sorted, each as often as counted) with the language
/// identified from them. Neighbouring paragraphs stay neighbours, so anchors in context still count; what
/// depends on word order (multi-word cues, sentences) sees less than in the real text.
public enum WordBagDocuments {
    /// The passages of every word-bag document in `gold`, by document name.
    public static func passages(_ gold: [GoldLabel]) -> [String: [Passage]] {
        var byDocument: [String: [Int: [String: Int]]] = [:]
        for line in gold where line.isWordBag {
            byDocument[line.document, default: [:]][line.para ?? 0] = line.words ?? [:]
        }
        return byDocument.mapValues { paragraphs in
            paragraphs.keys.sorted().enumerated().map { index, para in
                let text = self.text(paragraphs[para] ?? [:])
                return Passage(
                    page: 1, index: index, kind: .paragraph, language: LanguageIdentifier.standard.identify(text),
                    text: text)
            }
        }
    }

    /// For every word-bag document: paragraph number → index of its passage in `passages(_:)`'s document.
    public static func indices(_ gold: [GoldLabel]) -> [String: [Int: Int]] {
        var paras: [String: Set<Int>] = [:]
        for line in gold where line.isWordBag { paras[line.document, default: []].insert(line.para ?? 0) }
        return paras.mapValues { Dictionary(uniqueKeysWithValues: $0.sorted().enumerated().map { ($1, $0) }) }
    }

    /// The words, sorted, each written as often as counted.
    static func text(_ words: [String: Int]) -> String {
        words.keys.sorted().flatMap { word in Array(repeating: word, count: max(1, words[word] ?? 1)) }.joined(
            separator: " ")
    }
}
