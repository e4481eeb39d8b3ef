import EloCore
import Foundation
import GRDB

/// The order of a document's versions, kept in the index: each version stores the facts `VersionOrder`
/// compares (sidecar round, the file name's marker, the date its first page states), its number is its
/// place in that order, and the current version is the newest one that could be read — a newer version
/// that failed waits beside it (still listed as needing attention) instead of replacing it.
extension IndexStore {
    /// How many of a version's first-page passages are searched for the date it states.
    static let firstPagePassages = 12

    /// Facts of a version about to be stored: its file name, the sidecar's round and its first page.
    static func orderFacts(path: String, round: String?, passages: [Passage]) -> VersionOrder.Facts {
        let firstPage = passages.filter { $0.page == 1 }.prefix(firstPagePassages).map(\.text)
        return VersionOrder.Facts(path: path, round: round, firstPage: Array(firstPage))
    }

    static func writeFacts(_ facts: VersionOrder.Facts, version: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE versions SET order_round = ?, name_marker = ?, name_date = ?, stated_date = ? WHERE id = ?
                """, arguments: [facts.round, facts.nameMarker, facts.nameDate, facts.statedDate, version])
    }

    /// Puts a document's versions in order: numbers 1… oldest first, the reason of each place, the newest
    /// readable version current (the newest of all when none is readable), the older ones superseded.
    static func reorder(document: Int64, now: String, _ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, path, status, order_round, name_marker, name_date, stated_date, superseded_at
                FROM versions WHERE document_id = ?
                """, arguments: [document])
        var readable: Set<Int64> = []
        var superseded: [Int64: String] = [:]
        for row in rows {
            let id: Int64 = row["id"]
            if ExtractionStatus(rawValue: row["status"] as String)?.isReadable == true { readable.insert(id) }
            if let since: String = row["superseded_at"] { superseded[id] = since }
        }
        let ordered = VersionOrder.sorted(
            rows.map { row in
                VersionOrder.Entry(
                    facts: VersionOrder.Facts(
                        round: row["order_round"], nameMarker: row["name_marker"], nameDate: row["name_date"],
                        statedDate: row["stated_date"]),
                    firstSeen: row["id"], path: row["path"])
            })
        let ids = ordered.compactMap(\.entry.firstSeen)
        guard let current = ids.last(where: readable.contains) ?? ids.last,
            let currentPlace = ids.firstIndex(of: current)
        else { return }
        // Two steps: numbers are unique per document.
        try db.execute(sql: "UPDATE versions SET number = -number WHERE document_id = ?", arguments: [document])
        for (place, item) in ordered.enumerated() {
            guard let id = item.entry.firstSeen else { continue }
            let since: String? = place < currentPlace ? (superseded[id] ?? now) : nil
            try db.execute(
                sql: "UPDATE versions SET number = ?, order_reason = ?, superseded_at = ? WHERE id = ?",
                arguments: [place + 1, item.reason, since, id])
        }
        try db.execute(sql: "UPDATE documents SET current_version_id = ? WHERE id = ?", arguments: [current, document])
    }

    /// Gives stored versions the `round` their file's sidecar says now (a sidecar added or corrected to fix the
    /// order), and orders their documents again. `rounds`: inbox path → round. Returns the documents reordered.
    @discardableResult
    public func applyRounds(_ rounds: [String: String], at date: Date) throws -> Int {
        guard !rounds.isEmpty else { return 0 }
        let now = Self.timestamp(date)
        return try queue.write { db in
            var documents: Set<Int64> = []
            for (path, round) in rounds {
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT v.id, v.document_id, v.order_round FROM files f JOIN versions v ON v.id = f.version_id
                            WHERE f.path = ?
                            """, arguments: [path]), (row["order_round"] as String?) != round
                else { continue }
                try db.execute(
                    sql: "UPDATE versions SET order_round = ? WHERE id = ?", arguments: [round, row["id"] as Int64])
                documents.insert(row["document_id"])
            }
            for document in documents.sorted() { try Self.reorder(document: document, now: now, db) }
            return documents.count
        }
    }

    static func document(ofVersion version: Int64, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT document_id FROM versions WHERE id = ?", arguments: [version]) ?? 0
    }

    /// For an index written before versions stored their order: the facts of every version (the document's
    /// round stands in for the sidecar's), then every document ordered.
    static func orderStoredVersions(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT v.id, v.path, d.round FROM versions v JOIN documents d ON d.id = v.document_id
                """)
        for row in rows {
            let id: Int64 = row["id"]
            let texts = try String.fetchAll(
                db,
                sql: """
                    SELECT text FROM passages WHERE version_id = ? AND page = 1 ORDER BY idx LIMIT ?
                    """, arguments: [id, firstPagePassages])
            let facts = VersionOrder.Facts(path: row["path"], round: row["round"], firstPage: texts)
            try writeFacts(facts, version: id, db)
        }
        let now = timestamp(Date())
        for document in try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") {
            try reorder(document: document, now: now, db)
        }
    }
}
