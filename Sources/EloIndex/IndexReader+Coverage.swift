import EloCore
import GRDB

/// One region's documents as coverage reads them.
public struct RegionVersions: Sendable {
    public var region: String
    /// The current (not withdrawn) version of each document, with its labelled passages only.
    public var current: [Document]
    /// The documents as they were before the region's latest new versions (unchanged documents plus the
    /// versions the new ones replaced); nil when no document of the region has an earlier version.
    public var previous: [Document]?
}

extension IndexReader {
    /// Every region with current documents, by region id then path; passages without a label or near-miss
    /// are left out (coverage looks at no other).
    public func coverageDocuments() throws(IndexProblem) -> [RegionVersions] {
        try read("coverage") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.region, c.document_id, c.version_id, c.version, c.path, c.sha256, c.pages, c.language,
                           c.method, c.status, v.encoding, v.diagnostics,
                           (SELECT p.id FROM versions p WHERE p.document_id = c.document_id AND p.number < c.version
                            ORDER BY p.number DESC LIMIT 1) AS previous_id
                    FROM current_documents c JOIN versions v ON v.id = c.version_id
                    ORDER BY c.region, c.path
                    """)
            var regions: [RegionVersions] = []
            var replaced = false
            for row in rows {
                let region: String = row["region"]
                if regions.last?.region != region {
                    if !replaced, !regions.isEmpty { regions[regions.count - 1].previous = nil }
                    regions.append(RegionVersions(region: region, current: [], previous: []))
                    replaced = false
                }
                let document = try IndexRows.document(row, version: row["version_id"], labelledOnly: true, db)
                regions[regions.count - 1].current.append(document)
                if let previousID: Int64 = row["previous_id"] {
                    regions[regions.count - 1].previous?.append(
                        try IndexRows.document(versionID: previousID, labelledOnly: true, db))
                    replaced = true
                } else {
                    regions[regions.count - 1].previous?.append(document)
                }
            }
            if !replaced, !regions.isEmpty { regions[regions.count - 1].previous = nil }
            return regions
        }
    }

    /// Every current document (not withdrawn, not unassigned) with all its passages and labels, by region.
    public func currentDocuments() throws(IndexProblem) -> [(region: String, document: Document)] {
        try read("the documents") { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT region, version_id FROM current_documents WHERE region != 'unassigned' ORDER BY region, path"
            )
            .map { row in (row["region"], try IndexRows.document(versionID: row["version_id"], db)) }
        }
    }
}

extension IndexReader {
    /// The coverage snapshots the ingest runs kept, in run order (none in an index from before they were kept).
    public func coverageSnapshots() throws(IndexProblem) -> [CoverageSnapshot] {
        try read("the coverage history") { db in
            try db.tableExists("coverage_snapshots") ? try IndexStore.coverageSnapshots(db) : []
        }
    }

    /// Every version of the documents that have more than one, by document then number.
    public func revisedVersions() throws(IndexProblem) -> [RevisedVersion] {
        try read("the document versions") { db in try IndexStore.revisedVersions(db) }
    }

    /// One stored version as a document, with its labelled passages only (as coverage reads them).
    public func labelledDocument(version: Int64) throws(IndexProblem) -> Document {
        try read("a document version") { db in try IndexRows.document(versionID: version, labelledOnly: true, db) }
    }
}
