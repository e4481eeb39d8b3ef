import Foundation

/// One line of a label file (taxonomy.md): a quote from a document and its gold labels within the
/// label sets it was judged on.
public struct GoldLabel: Sendable, Codable, Hashable {
    public var document: String
    public var quote: String
    public var labels: [String]
    public var sets: [String]
    /// 1-based line in the label file, for messages.
    public var line: Int = 0

    enum CodingKeys: String, CodingKey { case document, quote, labels, sets }

    public init(document: String, quote: String, labels: [String], sets: [String], line: Int = 0) {
        self.document = document
        self.quote = quote
        self.labels = labels
        self.sets = sets
        self.line = line
    }

    /// Reads a JSON Lines label file; blank lines are skipped, a bad line is an error naming it.
    public static func load(_ url: URL) throws(ConfigurationError) -> [GoldLabel] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(file: url.path, line: nil, message: "cannot read the label file (\(error.localizedDescription))")
        }
        var labels: [GoldLabel] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            do {
                var label = try JSONDecoder().decode(GoldLabel.self, from: Data(line.utf8))
                label.line = index + 1
                for id in label.labels where !label.sets.contains(where: { id.hasPrefix($0 + ".") }) {
                    throw ConfigurationError(file: url.path, line: index + 1, message: "label \(id) is not in the judged sets \(label.sets)")
                }
                labels.append(label)
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(file: url.path, line: index + 1, message: "not a label line {document, quote, labels, sets}: \(error)")
            }
        }
        return labels
    }
}
