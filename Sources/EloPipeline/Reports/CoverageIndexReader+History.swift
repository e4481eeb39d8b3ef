import EloCore
import EloIndex
import EloReports
import Foundation

extension CoverageIndexReader {
    /// The snapshots the ingest runs kept (none in an index from before they were kept).
    public func snapshots() throws -> [CoverageSnapshot] {
        try index.coverageSnapshots()
    }

    /// Each region's history between the versions of its documents: for every document with several readable
    /// versions, the region assessed with each of them in turn (its other documents as they are now), and the
    /// changes each newer version made. Dated when both versions were in the index; in version order.
    public func versionChanges(_ regions: [RegionDocuments], calculator: CoverageCalculator) throws -> [TimelineChange]
    {
        let current = Dictionary(regions.map { ($0.region, $0.current) }, uniquingKeysWith: { first, _ in first })
        let versions = try index.revisedVersions()
        var changes: [TimelineChange] = []
        for (_, chain) in Dictionary(grouping: versions, by: \.document).sorted(by: { $0.key < $1.key }) {
            guard let documents = current[chain[0].region] else { continue }
            changes += try self.changes(along: chain, documents: documents, calculator: calculator)
        }
        return changes
    }

    /// The changes along one document's versions, up to its current one; unreadable versions are passed over.
    private func changes(
        along versions: [RevisedVersion], documents: [Document], calculator: CoverageCalculator
    ) throws -> [TimelineChange] {
        guard let current = versions.first(where: \.isCurrent),
            let place = documents.firstIndex(where: { $0.sha256 == current.sha256 })
        else { return [] }
        let chain = versions.filter {
            $0.number <= current.number && ExtractionStatus(rawValue: $0.status)?.isReadable == true
        }
        guard chain.count > 1 else { return [] }
        func assessed(_ version: RevisedVersion) throws -> [LabelCoverage] {
            var state = documents
            if !version.isCurrent { state[place] = try index.labelledDocument(version: version.id) }
            return calculator.assess(state)
        }
        var changes: [TimelineChange] = []
        var before = try assessed(chain[0])
        var known = chain[0].firstSeen
        for (older, newer) in zip(chain, chain.dropFirst()) {
            let after = try assessed(newer)
            known = max(known, newer.firstSeen)
            changes += CoverageTimeline.betweenVersions(
                region: newer.region, before: before, after: after, date: known, previousDate: older.firstSeen,
                decidedBy: DocumentVersionReference(document: MachinePath.scrub(newer.path), version: newer.number))
            before = after
        }
        return changes
    }
}
