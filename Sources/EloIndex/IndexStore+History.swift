import EloCore
import Foundation
import GRDB

/// The coverage history in the index: a snapshot per region for every run in which its coverage changed, and
/// the versions of documents that have several. Readers take a `Database` so a read-only opening serves.
extension IndexStore {
    /// Stores `snapshots` for `run`, each only when it differs from the region's latest stored one; the deciding
    /// document's path is resolved to its current version. Returns how many regions were stored.
    @discardableResult
    public func recordCoverage(_ snapshots: [CoverageSnapshot], run: Int64) throws -> Int {
        try queue.write { db in
            let latest = try Self.latestSnapshots(db)
            var stored = 0
            for snapshot in snapshots {
                if let previous = latest[snapshot.region], previous.hasSameCoverage(as: snapshot) { continue }
                try Self.insert(snapshot, run: run, db)
                stored += 1
            }
            return stored
        }
    }

    /// Every stored snapshot, by region then run (entries in the order they were stored).
    static func coverageSnapshots(_ db: Database) throws -> [CoverageSnapshot] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.run_id, r.started_at, s.region, s.label_set, s.label, s.level, s.score, s.document, v.number,
                       s.page, s.quote
                FROM coverage_snapshots s JOIN runs r ON r.id = s.run_id LEFT JOIN versions v ON v.id = s.version_id
                ORDER BY s.region, s.run_id, s.rowid
                """)
        var snapshots: [CoverageSnapshot] = []
        for row in rows {
            let run: Int64 = row["run_id"]
            let region: String = row["region"]
            if snapshots.last?.run != run || snapshots.last?.region != region {
                snapshots.append(CoverageSnapshot(run: run, takenAt: row["started_at"], region: region, entries: []))
            }
            snapshots[snapshots.count - 1].entries.append(entry(row))
        }
        return snapshots
    }

    /// The versions of every document (not withdrawn, with a region) that has more than one, by region,
    /// document and place.
    static func revisedVersions(_ db: Database) throws -> [RevisedVersion] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.region, d.id AS document_id, v.id, v.number, v.path, v.sha256, v.status, v.first_seen,
                       v.id = d.current_version_id AS is_current
                FROM documents d JOIN versions v ON v.document_id = d.id
                WHERE d.withdrawn_at IS NULL AND d.region != 'unassigned'
                  AND (SELECT COUNT(*) FROM versions w WHERE w.document_id = d.id) > 1
                ORDER BY d.region, d.id, v.number
                """
        ).map { row in
            RevisedVersion(
                region: row["region"], document: row["document_id"], id: row["id"], number: row["number"],
                path: row["path"],
                sha256: row["sha256"], status: row["status"], firstSeen: row["first_seen"], isCurrent: row["is_current"]
            )
        }
    }

    /// The latest stored snapshot of each region.
    static func latestSnapshots(_ db: Database) throws -> [String: CoverageSnapshot] {
        var latest: [String: CoverageSnapshot] = [:]
        for snapshot in try coverageSnapshots(db) { latest[snapshot.region] = snapshot }
        return latest
    }

    private static func insert(_ snapshot: CoverageSnapshot, run: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO coverage_snapshots (run_id, region, label_set, label, level, score, version_id, document, page, quote)
                VALUES (?, ?, ?, ?, ?, ?,
                        (SELECT version_id FROM current_documents WHERE region = ? AND path = ? LIMIT 1), ?, ?, ?)
                """)
        for entry in snapshot.entries {
            let document = entry.decidedBy?.document
            try statement.execute(arguments: [
                run, snapshot.region, entry.labelSet, entry.label, entry.level.rawValue, entry.score,
                snapshot.region, document, document, entry.evidence?.page, entry.evidence?.quote,
            ])
        }
    }

    private static func entry(_ row: Row) -> CoverageSnapshot.Entry {
        let document: String? = row["document"]
        let page: Int? = row["page"]
        let quote: String? = row["quote"]
        return CoverageSnapshot.Entry(
            labelSet: row["label_set"], label: row["label"],
            level: CoverageLevel(rawValue: row["level"]) ?? .notAssessed, score: row["score"],
            decidedBy: document.map { DocumentVersionReference(document: $0, version: row["number"]) },
            evidence: document.flatMap { document in
                page.flatMap { page in quote.map { TimelineEvidence(document: document, page: page, quote: $0) } }
            })
    }
}
