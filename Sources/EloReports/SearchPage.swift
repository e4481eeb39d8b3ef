import EloCore

/// What the search page of `elo serve` shows: the words and filters asked for, the choices of each filter,
/// and the matching passages best first — plain values; `SearchPageRenderer` makes the HTML.
public struct SearchPage: Sendable, Hashable {
    /// One matching passage.
    public struct Hit: Sendable, Hashable {
        public var region: String
        public var document: String
        public var page: Int
        public var passage: Int
        public var text: String
        public var highlights: [CoverageEvidence.Highlight]
        /// Label ids the passage carries, best first.
        public var labels: [String]
        /// A heading or a title-like line: names the subject without saying anything about it.
        public var headingOnly: Bool

        public init(
            region: String, document: String, page: Int, passage: Int, text: String,
            highlights: [CoverageEvidence.Highlight], labels: [String], headingOnly: Bool
        ) {
            self.region = region
            self.document = document
            self.page = page
            self.passage = passage
            self.text = text
            self.highlights = highlights
            self.labels = labels
            self.headingOnly = headingOnly
        }
    }

    /// The words as typed (empty: the form alone).
    public var query: String
    /// The region id, label set id and label id filtered by (nil: all).
    public var region: String?
    public var set: String?
    public var label: String?
    /// Best first; at most `limit`.
    public var hits: [Hit]
    public var limit: Int
    /// Why the search could not be run, for a person (an open quote, an unknown region); nil when it ran.
    public var problem: String?

    public init(
        query: String = "", region: String? = nil, set: String? = nil, label: String? = nil, hits: [Hit] = [],
        limit: Int = 50, problem: String? = nil
    ) {
        self.query = query
        self.region = region
        self.set = set
        self.label = label
        self.hits = hits
        self.limit = limit
        self.problem = problem
    }
}
