import Foundation
import GRDB

/// The integrity checks of an index: SQLite's own (`quick_check` at the start of every ingest, the slower
/// `integrity_check` in `elo check`) and FTS5's `integrity-check` of the search index against the passages.
public enum IndexHealth {
    /// How thorough: `quick` is O(size of the file) without index cross-checks, `full` checks everything.
    public enum Depth: Sendable {
        case quick, full
    }

    /// What the checks found; empty when the index is healthy. The search index is checked only on a
    /// connection that may write (FTS5 runs its check as an INSERT): a file on read-only media gets SQLite's
    /// check alone.
    public static func findings(_ queue: DatabaseQueue, depth: Depth) throws -> [String] {
        try queue.inDatabase { db in
            var findings = try database(db, depth: depth)
            if findings.isEmpty { findings += try searchIndex(db) }
            return findings
        }
    }

    static func database(_ db: Database, depth: Depth) throws -> [String] {
        let pragma = depth == .quick ? "quick_check" : "integrity_check"
        do {
            let rows = try String.fetchAll(db, sql: "PRAGMA \(pragma)")
            return rows == ["ok"] ? [] : rows.map { "\(pragma): \($0)" }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            return ["\(pragma): \(error.message ?? "database disk image is malformed")"]
        }
    }

    static func searchIndex(_ db: Database) throws -> [String] {
        guard try db.tableExists("passages_fts") else { return [] }
        if db.configuration.readonly { return [] }
        do {
            // rank 1: also compare the index with the passages it was built from (external content table).
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts, rank) VALUES('integrity-check', 1)")
            return []
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_CORRUPT_VTAB].contains(error.resultCode) {
            return ["search index passages_fts does not match the passages (\(error.message ?? "malformed"))"]
        }
    }
}
