import Foundation
import GRDB

/// One document not withdrawn, with what the withdrawal guard needs to know about it.
public struct CurrentDocument: Sendable, Hashable {
    public var id: Int64
    public var region: String
    /// Inbox paths of its files not marked removed (of any of its versions).
    public var paths: [String]
    /// SHA-256 of each of its versions: a file of the same content under another path is the document moved.
    public var contents: Set<String>
}

extension IndexStore {
    /// Every document that is not withdrawn, by id, with its region, present file paths and version contents.
    public func currentDocuments() throws -> [CurrentDocument] {
        let rows = try fetchRows(
            """
            SELECT d.id, d.region, v.sha256, f.path
            FROM documents d
            JOIN versions v ON v.document_id = d.id
            LEFT JOIN files f ON f.version_id = v.id AND f.removed_at IS NULL
            WHERE d.withdrawn_at IS NULL
            ORDER BY d.id
            """)
        var documents: [Int64: CurrentDocument] = [:]
        for row in rows {
            let id: Int64 = row["id"]
            var document = documents[id] ?? CurrentDocument(id: id, region: row["region"], paths: [], contents: [])
            document.contents.insert(row["sha256"])
            if let path: String = row["path"] { document.paths.append(path) }
            documents[id] = document
        }
        return documents.values.sorted { $0.id < $1.id }
    }
}
