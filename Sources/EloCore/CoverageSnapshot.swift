/// One region's coverage as one ingest run left it: per label the level, the best score, the document version
/// that decided it and its best quote. The index keeps a region's snapshot for every run in which it differed
/// from the one before (`coverage_snapshots`); the changes between them are the region's history.
public struct CoverageSnapshot: Sendable, Hashable {
    /// One label of the snapshot.
    public struct Entry: Sendable, Hashable {
        public var labelSet: String
        public var label: String
        public var level: CoverageLevel
        /// The best evidence's score; `nil` when nothing counted.
        public var score: Double?
        /// The document version whose passage decided the level (the best evidence), when there is one.
        public var decidedBy: DocumentVersionReference?
        /// The best evidence's page and quote, shown as "before" and "after" in the history.
        public var evidence: TimelineEvidence?

        public init(
            labelSet: String, label: String, level: CoverageLevel, score: Double? = nil,
            decidedBy: DocumentVersionReference? = nil, evidence: TimelineEvidence? = nil
        ) {
            self.labelSet = labelSet
            self.label = label
            self.level = level
            self.score = score
            self.decidedBy = decidedBy
            self.evidence = evidence
        }
    }

    /// The run that took it (`runs.id`).
    public var run: Int64
    /// When that run started (ISO 8601 UTC).
    public var takenAt: String
    public var region: String
    public var entries: [Entry]

    public init(run: Int64, takenAt: String, region: String, entries: [Entry]) {
        self.run = run
        self.takenAt = takenAt
        self.region = region
        self.entries = entries
    }

    /// Whether `other` says the same about every label (levels, scores, deciding documents), whatever the run.
    public func hasSameCoverage(as other: CoverageSnapshot) -> Bool {
        region == other.region && entries.map(\.comparable) == other.entries.map(\.comparable)
    }
}

extension CoverageSnapshot.Entry {
    /// What two snapshots are compared by: scores to four decimals, as the index stores them.
    fileprivate var comparable: String {
        let rounded = score.map { String(Int(($0 * 10_000).rounded())) } ?? "-"
        return "\(labelSet)|\(label)|\(level.rawValue)|\(rounded)|\(decidedBy?.document ?? "-")"
    }
}
