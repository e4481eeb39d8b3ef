import EloSettings
import Foundation

/// One line of a label file: the gold labels of one passage within the label sets it was judged on. The passage
/// is given either by a quote from a document (taxonomy.md) or, in the word-bag format of real-dev, by its
/// paragraph number and its word counts (`{document, para, words, labels, sets}`: the text itself is not shared,
/// the words without their order are).
public struct GoldLabel: Sendable, Codable, Hashable {
    public var document: String
    /// The quote; empty in a word-bag line.
    public var quote: String
    public var labels: [String]
    public var sets: [String]
    /// Word-bag lines: the paragraph's 0-based number in its document and its words (lower case) with counts.
    public var para: Int?
    public var words: [String: Int]?
    /// 1-based line in the label file, for messages.
    public var line: Int = 0
    /// The label file the line comes from (its path as given), for messages and the model's sources.
    public var source = ""

    enum CodingKeys: String, CodingKey { case document, quote, labels, sets, para, words }

    public init(document: String, quote: String, labels: [String], sets: [String], line: Int = 0) {
        self.document = document
        self.quote = quote
        self.labels = labels
        self.sets = sets
        self.line = line
    }

    public init(document: String, para: Int, words: [String: Int], labels: [String], sets: [String], line: Int = 0) {
        self.init(document: document, quote: "", labels: labels, sets: sets, line: line)
        self.para = para
        self.words = words
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        quote = try container.decodeIfPresent(String.self, forKey: .quote) ?? ""
        labels = try container.decode([String].self, forKey: .labels)
        sets = try container.decode([String].self, forKey: .sets)
        para = try container.decodeIfPresent(Int.self, forKey: .para)
        words = try container.decodeIfPresent([String: Int].self, forKey: .words)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        if isWordBag {
            try container.encode(para, forKey: .para)
            try container.encode(words, forKey: .words)
        } else {
            try container.encode(quote, forKey: .quote)
        }
        try container.encode(labels, forKey: .labels)
        try container.encode(sets, forKey: .sets)
    }

    /// A word-bag line (no quote: the passage is its paragraph number and words).
    public var isWordBag: Bool { words != nil }

    /// Reads a JSON Lines label file; blank lines are skipped, a bad line is an error naming it.
    /// With `knownSets`, a label id of one of those sets that the set does not define is an error too
    /// (lines judged on other sets are kept and ignored when scoring).
    public static func load(_ url: URL, knownSets: [LabelSet] = []) throws(ConfigurationError) -> [GoldLabel] {
        let defined = Dictionary(knownSets.map { ($0.id, Set($0.labels.map(\.id))) }) { first, _ in first }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(
                file: url.path, line: nil, message: "cannot read the label file (\(error.localizedDescription))")
        }
        var labels: [GoldLabel] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            do {
                var label = try JSONDecoder().decode(GoldLabel.self, from: Data(line.utf8))
                label.line = index + 1
                label.source = url.path
                for id in label.labels where !label.sets.contains(where: { id.hasPrefix($0 + ".") }) {
                    throw ConfigurationError(
                        file: url.path, line: index + 1, message: "label \(id) is not in the judged sets \(label.sets)")
                }
                for id in label.labels {
                    let set = String(id.prefix { $0 != "." })
                    if let ids = defined[set] ?? Taxonomy.labelIDs[set], !ids.contains(id) {
                        throw ConfigurationError(
                            file: url.path, line: index + 1,
                            message: "unknown label id \(id) — set \(set) has \(ids.sorted().joined(separator: ", "))")
                    }
                }
                if label.isWordBag {
                    guard let para = label.para, para >= 0 else {
                        throw ConfigurationError(
                            file: url.path, line: index + 1,
                            message: "a word-bag line needs `para`, the paragraph's 0-based number")
                    }
                } else if label.quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw ConfigurationError(
                        file: url.path, line: index + 1,
                        message: "empty quote — give a short exact excerpt of the document (or `para` and `words`)")
                }
                labels.append(label)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(
                    file: url.path, line: index + 1,
                    message:
                        "not a label line {document, quote, labels, sets} or {document, para, words, labels, sets}: \(error)"
                )
            }
        }
        return labels
    }
}
