import EloCore

/// The history of the regions' coverage: the changes between the snapshots the ingest runs kept and between
/// the versions of each region's documents, oldest first. Pure: the index readers hand it its inputs.
public struct CoverageTimeline: Sendable, Hashable {
    public var changes: [TimelineChange]

    public init(changes: [TimelineChange] = []) {
        self.changes = Self.ordered(changes)
    }

    /// Both histories together; a change between versions that a run's snapshot already records (same region,
    /// goal, levels and deciding document version) is kept once, as the run's.
    public init(runs: [TimelineChange], versions: [TimelineChange]) {
        let recorded = Set(runs.map(\.sameEvent))
        self.init(changes: runs + versions.filter { !recorded.contains($0.sameEvent) })
    }

    /// The changes between each region's consecutive snapshots (`previous-run`), in the newer one's label order.
    public static func betweenRuns(_ snapshots: [CoverageSnapshot]) -> [TimelineChange] {
        var changes: [TimelineChange] = []
        let byRegion = Dictionary(grouping: snapshots, by: \.region)
        for region in byRegion.keys.sorted() {
            let ordered = (byRegion[region] ?? []).sorted { $0.run < $1.run }
            for (older, newer) in zip(ordered, ordered.dropFirst()) {
                let before = Dictionary(older.entries.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
                for entry in newer.entries {
                    guard let old = before[entry.label], old.level != entry.level else { continue }
                    changes.append(
                        TimelineChange(
                            region: region, labelSet: entry.labelSet, label: entry.label, basis: .previousRun,
                            from: old.level, to: entry.level, date: newer.takenAt, previousDate: older.takenAt,
                            run: newer.run, previousRun: older.run, decidedBy: entry.decidedBy ?? old.decidedBy,
                            evidenceBefore: old.evidence, evidenceAfter: entry.evidence))
                }
            }
        }
        return changes
    }

    /// The changes one new version of a document made to its region (`previous-version`): `before` and `after`
    /// are the region's assessments with the older and the newer version.
    public static func betweenVersions(
        region: String, before: [LabelCoverage], after: [LabelCoverage], date: String, previousDate: String,
        decidedBy: DocumentVersionReference
    ) -> [TimelineChange] {
        let old = Dictionary(before.map { ($0.label.id, $0) }, uniquingKeysWith: { first, _ in first })
        return after.compactMap { entry in
            guard let previous = old[entry.label.id], previous.level != entry.level else { return nil }
            return TimelineChange(
                region: region, labelSet: entry.label.set, label: entry.label.id, basis: .previousVersion,
                from: previous.level, to: entry.level, date: date, previousDate: previousDate, decidedBy: decidedBy,
                evidenceBefore: quote(previous), evidenceAfter: quote(entry))
        }
    }

    /// The changes seen on or after `since` (a date `2026-11-26` or a time; compared as ISO 8601 text), of the
    /// given regions (all when empty).
    public func filtered(since: String? = nil, regions: [String] = []) -> CoverageTimeline {
        CoverageTimeline(
            changes: changes.filter { change in
                (since.map { change.date >= $0 } ?? true) && (regions.isEmpty || regions.contains(change.region))
            })
    }

    /// One region's changes, oldest first.
    public func changes(of region: String) -> [TimelineChange] { changes.filter { $0.region == region } }

    /// The best quote of an assessment: its evidence, else its closest near-miss.
    private static func quote(_ coverage: LabelCoverage) -> TimelineEvidence? {
        (coverage.evidence.first ?? coverage.nearMisses.first).map(TimelineEvidence.init)
    }

    /// Oldest first; one document's versions in their order; then region and goal.
    private static func ordered(_ changes: [TimelineChange]) -> [TimelineChange] {
        changes.enumerated().sorted { lhs, rhs in
            let a = lhs.element
            let b = rhs.element
            if a.date != b.date { return a.date < b.date }
            if a.region != b.region { return a.region < b.region }
            if a.decidedBy?.document == b.decidedBy?.document, a.decidedBy?.version != b.decidedBy?.version {
                return (a.decidedBy?.version ?? 0) < (b.decidedBy?.version ?? 0)
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}

extension TimelineChange {
    /// What makes two records of one change the same event, whatever the basis.
    fileprivate var sameEvent: String {
        "\(region)|\(label)|\(from.rawValue)|\(to.rawValue)|\(decidedBy?.document ?? "")|\(decidedBy?.version.map(String.init) ?? "")"
    }
}
