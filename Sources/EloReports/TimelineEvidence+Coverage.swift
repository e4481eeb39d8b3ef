import EloCore

extension TimelineEvidence {
    /// The quote of a piece of coverage evidence.
    public init(_ evidence: CoverageEvidence) {
        self.init(document: evidence.document, page: evidence.page, quote: evidence.quote)
    }
}
