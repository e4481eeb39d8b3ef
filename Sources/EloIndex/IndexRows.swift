import EloCore
import Foundation
import GRDB

/// Rows of `versions`, `passages`, `labels` and `near_misses` as domain values: the one place that maps them.
enum IndexRows {
    static func document(versionID: Int64, labelledOnly: Bool = false, _ db: Database) throws -> Document {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT *, id AS version_id FROM versions WHERE id = ?", arguments: [versionID])
        else {
            throw IndexProblem(
                kind: .unusable, file: db.configuration.label ?? "index",
                problem: "version \(versionID) disappeared while reading",
                fix: "run the command again")
        }
        return try document(row, version: versionID, labelledOnly: labelledOnly, db)
    }

    /// A `Document` from a `versions`-shaped row, with its passages and their labels; `labelledOnly` leaves
    /// out passages without a label or near-miss (most of them: a 3,000-page index holds tens of thousands).
    static func document(_ row: Row, version: Int64, labelledOnly: Bool = false, _ db: Database) throws -> Document {
        let diagnosticsJSON: String = row["diagnostics"] ?? "[]"
        let diagnostics = (try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsJSON.utf8))) ?? []
        return Document(
            path: row["path"], sha256: row["sha256"], pages: row["pages"],
            language: Language(rawValue: row["language"]) ?? .unknown,
            status: ExtractionStatus(rawValue: row["status"]) ?? .failed,
            method: ExtractionMethod(rawValue: row["method"]) ?? .textLayer, encoding: row["encoding"],
            diagnostics: diagnostics, passages: try passages(version: version, labelledOnly: labelledOnly, db))
    }

    static func passages(version: Int64, labelledOnly: Bool = false, _ db: Database) throws -> [Passage] {
        let labels = try Self.labels(in: "labels", version: version, db)
        let nearMisses = try Self.labels(in: "near_misses", version: version, db)
        let onlyLabelled =
            labelledOnly
            ? """
             AND (EXISTS (SELECT 1 FROM labels l WHERE l.passage_id = passages.id)
                  OR EXISTS (SELECT 1 FROM near_misses n WHERE n.passage_id = passages.id))
            """ : ""
        // Columns by position, in the SELECT's order: looking a column up by name costs more than the value.
        let statement = try db.cachedStatement(
            sql: """
                SELECT id, page, idx, kind, language, text, ocr_confidence FROM passages WHERE version_id = ?\(onlyLabelled)
                ORDER BY page, idx
                """)
        let rows = try Row.fetchCursor(statement, arguments: [version]).map { row -> Passage in
            let id: Int64 = row[0]
            return Passage(
                page: row[1], index: row[2], kind: Passage.Kind(rawValue: row[3]) ?? .paragraph,
                language: Language(rawValue: row[4]) ?? .unknown, text: row[5],
                labels: labels[id] ?? [], ocrConfidence: row[6], nearMisses: nearMisses[id] ?? [])
        }
        return try Array(rows)
    }

    /// The rows of `labels` or `near_misses` for one version's passages, by passage id. Evidence is read by
    /// ``EvidenceJSON``, with Foundation's decoder as the fallback; a row that neither can read keeps no evidence.
    static func labels(in table: String, version: Int64, _ db: Database) throws -> [Int64: [PassageLabel]] {
        var labels: [Int64: [PassageLabel]] = [:]
        let decoder = JSONDecoder()
        let statement = try db.cachedStatement(
            sql: """
                SELECT l.passage_id, l.label, l.score, l.evidence FROM \(table) l
                JOIN passages p ON p.id = l.passage_id WHERE p.version_id = ? ORDER BY l.passage_id, l.label
                """)
        let rows = try Row.fetchCursor(statement, arguments: [version])
        while let row = try rows.next() {
            let column: String = row[3]
            let evidence =
                EvidenceJSON.decode(column)
                ?? (try? decoder.decode([PassageLabel.Evidence].self, from: Data(column.utf8))) ?? []
            labels[row[0], default: []].append(PassageLabel(id: row[1], score: row[2], evidence: evidence))
        }
        return labels
    }
}
