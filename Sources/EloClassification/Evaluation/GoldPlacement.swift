import EloCore

/// Where the passage of each gold line lies: a quote is looked up in its document's passages
/// (`QuoteLocator`), a word-bag line is its paragraph of the word-bag document.
public struct GoldPlacement: Sendable {
    public enum Place: Sendable, Equatable {
        case passage(document: String, index: Int, ambiguous: Bool)
        /// `document-not-found`, `not-found` or `spans-passages`.
        case unmatched(reason: String)
    }

    /// One place per gold line, in order.
    public let places: [Place]

    public init(_ gold: [GoldLabel], documents: [String: [Passage]]) {
        let locators = documents.mapValues { QuoteLocator(passages: $0) }
        let wordBags = WordBagDocuments.indices(gold)
        places = gold.map { line in
            if line.isWordBag {
                guard let index = wordBags[line.document]?[line.para ?? -1],
                    documents[line.document]?.indices.contains(index) ?? false
                else { return .unmatched(reason: "document-not-found") }
                return .passage(document: line.document, index: index, ambiguous: false)
            }
            guard let locator = locators[line.document] else { return .unmatched(reason: "document-not-found") }
            switch locator.locate(line.quote) {
            case .passage(let found, let occurrences):
                return .passage(document: line.document, index: found, ambiguous: occurrences > 1)
            case .spansPassages: return .unmatched(reason: "spans-passages")
            case .notFound: return .unmatched(reason: "not-found")
            }
        }
    }

    /// The documents of `gold` with the word-bag documents added (by name; a word-bag document replaces a read one).
    public static func documents(_ gold: [GoldLabel], read: [String: [Passage]]) -> [String: [Passage]] {
        read.merging(WordBagDocuments.passages(gold)) { _, wordBag in wordBag }
    }
}
