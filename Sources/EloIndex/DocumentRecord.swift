import EloCore
import Foundation
import GRDB

/// One document as the index knows it (`elo show DOCUMENT`): metadata, versions, diagnostics, passages and labels, found by inbox
/// path, by file name, or by the start of its SHA-256.
public struct DocumentRecord: Sendable, Codable, Hashable {
    /// One stored version of the document.
    public struct Version: Sendable, Codable, Hashable {
        public var number: Int
        public var path: String
        public var sha256: String
        public var status: ExtractionStatus
        public var firstSeen: String
        public var supersededAt: String?
        /// Why the version has its place in the document's order (`VersionOrder`): `oldest`, or what puts it
        /// after the one before (a sidecar round, a marker in the file name, the date on its first page…).
        public var orderReason: String?

        enum CodingKeys: String, CodingKey {
            case number, path, sha256, status
            case firstSeen = "first_seen"
            case supersededAt = "superseded_at"
            case orderReason = "order_reason"
        }
    }

    /// The region id the document counts for, or `unassigned`.
    public var region: String
    /// How the region was found: `folder` (the inbox folder), `sidecar` (`FILE.meta.yaml`), `text` (a region
    /// named in the text) or `none`.
    public var regionSource: String
    /// The sidecar's `round`; nil without a sidecar or when it names none.
    public var round: String?
    /// The sidecar's `type`; nil without one.
    public var documentType: String?
    /// When an ingest run first found a file of this document in the inbox, and when one last did (ISO 8601,
    /// UTC).
    public var firstSeen: String
    public var lastSeen: String
    /// When a run found no file of it left in the inbox; nil while one is there (cleared if one returns).
    public var withdrawnAt: String?
    /// Inbox paths where this content is (or was) found.
    public var files: [String]
    public var versions: [Version]
    /// The version shown (the current one unless asked otherwise), with passages and labels.
    public var version: Int
    public var document: Document

    enum CodingKeys: String, CodingKey {
        case region, round, files, versions, version, document
        case regionSource = "region_source"
        case documentType = "document_type"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case withdrawnAt = "withdrawn_at"
    }
}

extension IndexReader {
    /// Finds the document named `name` — by inbox path, file name, or the start of its SHA-256 — with all its
    /// versions; `version` picks an older version by number (else the current one) for its passages.
    public func document(named name: String, version: Int? = nil) throws(IndexProblem) -> DocumentRecord {
        try read("the document") { db in try Self.record(name, version: version, db) }
    }

    static func record(_ name: String, version wanted: Int?, _ db: Database) throws -> DocumentRecord {
        let hex = name.lowercased()
        let byHash = hex.count >= 6 && hex.allSatisfy(\.isHexDigit)
        let candidates = try Int64.fetchAll(
            db,
            sql: """
                SELECT DISTINCT v.document_id FROM versions v LEFT JOIN files f ON f.version_id = v.id
                WHERE v.path = ?1 OR f.path = ?1 OR v.path LIKE '%/' || ?1 OR f.path LIKE '%/' || ?1
                   OR (?2 AND v.sha256 LIKE ?3 || '%')
                ORDER BY v.document_id
                """, arguments: [name, byHash, hex])
        guard let documentID = candidates.first else {
            throw IndexProblem.notFound(
                "no document '\(name)' in the index — give its inbox path (e.g. lappi/plan.pdf), file name, or SHA-256 prefix"
            )
        }
        guard candidates.count == 1 else {
            let paths = try String.fetchAll(
                db,
                sql: """
                    SELECT v.path FROM documents d JOIN versions v ON v.id = d.current_version_id WHERE d.id IN (\(candidates.map(String.init).joined(separator: ",")))
                    """)
            throw IndexProblem.notFound(
                "'\(name)' names \(candidates.count) documents: \(paths.joined(separator: ", ")) — give the whole inbox path"
            )
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = ?", arguments: [documentID])
        else {
            throw IndexProblem.notFound("document '\(name)' disappeared while reading; try again")
        }
        let versions = try Row.fetchAll(
            db, sql: "SELECT * FROM versions WHERE document_id = ? ORDER BY number", arguments: [documentID])
        let chosen: Row?
        if let wanted {
            chosen = versions.first { ($0["number"] as Int) == wanted }
            guard chosen != nil else {
                throw IndexProblem.notFound(
                    "'\(name)' has no version \(wanted); it has \(versions.map { String($0["number"] as Int) }.joined(separator: ", "))"
                )
            }
        } else {
            let current: Int64? = row["current_version_id"]
            chosen = versions.first { ($0["id"] as Int64) == current } ?? versions.last
        }
        guard let chosen else { throw IndexProblem.notFound("'\(name)' has no stored version") }
        let files = try String.fetchAll(
            db,
            sql: """
                SELECT f.path FROM files f JOIN versions v ON v.id = f.version_id WHERE v.document_id = ? ORDER BY f.path
                """, arguments: [documentID])
        return DocumentRecord(
            region: row["region"], regionSource: row["region_source"], round: row["round"],
            documentType: row["doc_type"],
            firstSeen: row["first_seen"], lastSeen: row["last_seen"], withdrawnAt: row["withdrawn_at"], files: files,
            versions: versions.map {
                DocumentRecord.Version(
                    number: $0["number"], path: $0["path"], sha256: $0["sha256"],
                    status: ExtractionStatus(rawValue: $0["status"]) ?? .failed, firstSeen: $0["first_seen"],
                    supersededAt: $0["superseded_at"], orderReason: $0["order_reason"])
            },
            version: chosen["number"], document: try IndexRows.document(chosen, version: chosen["id"], db))
    }
}
