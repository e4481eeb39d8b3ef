import EloIndex
import EloReports

extension ReportSearch {
    /// One matching passage: the index's match, and where the query's words stand in its text. Its fields read
    /// as the match's (`hit.document`), and its JSON is one flat object: the match's keys and `highlights`.
    @dynamicMemberLookup
    public struct Hit: Sendable, Codable, Hashable {
        public var match: PassageMatch
        /// Character ranges of matched words in the match's `text`.
        public var highlights: [CoverageEvidence.Highlight]

        private enum CodingKeys: String, CodingKey {
            case highlights
        }

        public init(match: PassageMatch, highlights: [CoverageEvidence.Highlight]) {
            self.match = match
            self.highlights = highlights
        }

        public subscript<Value>(dynamicMember field: WritableKeyPath<PassageMatch, Value>) -> Value {
            get { match[keyPath: field] }
            set { match[keyPath: field] = newValue }
        }

        public init(from decoder: any Decoder) throws {
            match = try PassageMatch(from: decoder)
            highlights = try decoder.container(keyedBy: CodingKeys.self)
                .decode([CoverageEvidence.Highlight].self, forKey: .highlights)
        }

        public func encode(to encoder: any Encoder) throws {
            try match.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(highlights, forKey: .highlights)
        }
    }
}
