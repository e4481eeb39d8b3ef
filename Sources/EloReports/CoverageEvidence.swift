import EloCore

/// One passage shown as evidence (or as a near-miss) for a label in a region: where it is, what it says,
/// which words matched, and how strongly.
public struct CoverageEvidence: Sendable, Codable, Hashable {
    /// Character range (Swift `Character`s, end exclusive) of matched words inside `quote`.
    public struct Highlight: Sendable, Codable, Hashable {
        public var start: Int
        public var end: Int

        /// The characters of `range`.
        public init(_ range: Range<Int>) {
            start = range.lowerBound
            end = range.upperBound
        }

        /// The characters a matched cue covers in its passage, as the classifier found them.
        public init(_ evidence: PassageLabel.Evidence) {
            start = evidence.start
            end = evidence.end
        }
    }

    /// The document's path as the index records it (relative to the inbox).
    public var document: String
    /// 1-based page number.
    public var page: Int
    /// 0-based position of the passage on its page.
    public var passage: Int
    /// The passage text, shortened around the matched words when it is long.
    public var quote: String
    public var highlights: [Highlight]
    public var score: Double
    /// The cue terms that matched, as written in the label file.
    public var cues: [String]
    /// When the passage's text came from OCR: the recogniser's mean confidence (0–1) on its page.
    public var ocrConfidence: Double?
    /// For a near-miss or a passing mention: why it did not count (nil for evidence that counts fully).
    public var reason: NearMissReason?
}
