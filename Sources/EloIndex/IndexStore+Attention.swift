import EloCore
import Foundation
import GRDB

/// A document in the inbox whose current version still needs someone to act: it could not be read (or only
/// in part), or its region is unknown. Found in the index, so a run lists it even when it read nothing new.
public struct WaitingDocument: Sendable, Hashable {
    /// A present inbox file of the current version (the first by path when there are copies).
    public var path: String
    public var region: String
    public var status: ExtractionStatus
    public var diagnostics: [Diagnostic]
    /// When the current version was first seen (ISO 8601 UTC): how long it has been waiting.
    public var since: String
}

extension IndexStore {
    /// Documents not withdrawn whose current version is not fully read (`partial`, `failed`, `needs-password`,
    /// `needs-ocr`) or whose region is `unassigned`, and that still have a file in the inbox; sorted by path.
    /// A document whose newer version was read is not listed, nor one whose files were all removed.
    /// A newer version that could not be read does not replace a readable current one: it is listed too,
    /// until it is read or removed.
    public func documentsNeedingAttention() throws -> [WaitingDocument] {
        let rows = try fetchRows(
            """
            SELECT d.id AS document_id, d.region, v.status, v.diagnostics, v.first_seen, MIN(f.path) AS path
            FROM documents d
            JOIN versions c ON c.id = d.current_version_id
            JOIN versions v ON v.document_id = d.id
                AND (v.id = c.id OR (v.number > c.number AND v.status NOT IN ('ok', 'partial')))
            JOIN files f ON f.version_id = v.id AND f.removed_at IS NULL
            WHERE d.withdrawn_at IS NULL AND (v.status <> 'ok' OR d.region = 'unassigned')
            GROUP BY v.id
            ORDER BY path
            """)
        let decoder = JSONDecoder()
        return rows.map { row in
            let diagnostics =
                (try? decoder.decode([Diagnostic].self, from: Data((row["diagnostics"] as String).utf8))) ?? []
            return WaitingDocument(
                path: row["path"], region: row["region"],
                status: ExtractionStatus(rawValue: row["status"]) ?? .failed, diagnostics: diagnostics,
                since: row["first_seen"])
        }
    }
}

extension IndexStore {
    /// The status of a content already indexed and how it was read (`IndexedVersion.readWith`); nil when new.
    public func reading(ofContent sha256: String) throws -> (status: ExtractionStatus, readWith: String?)? {
        try queue.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT status, read_with FROM versions WHERE sha256 = ?", arguments: [sha256]),
                let status = ExtractionStatus(rawValue: row["status"])
            else { return nil }
            return (status, row["read_with"])
        }
    }

    /// Present inbox paths whose document has no region yet (`unassigned`), for a region given since.
    public func unassignedPaths() throws -> Set<String> {
        try queue.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT f.path FROM files f JOIN versions v ON v.id = f.version_id
                        JOIN documents d ON d.id = v.document_id
                        WHERE f.removed_at IS NULL AND d.region = 'unassigned'
                        """))
        }
    }

    /// Gives the document of the file at `path` the region a region folder or sidecar now declares, if it has
    /// none yet; without reading the file again. Returns whether a document was assigned.
    @discardableResult
    public func assignRegion(toDocumentAt path: String, region: String, source: String) throws -> Bool {
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE documents SET region = ?, region_source = ?
                    WHERE region = 'unassigned' AND id =
                        (SELECT v.document_id FROM files f JOIN versions v ON v.id = f.version_id WHERE f.path = ?)
                    """, arguments: [region, source, path])
            return db.changesCount > 0
        }
    }
}
