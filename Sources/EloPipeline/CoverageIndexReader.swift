import EloCore
import EloIndex
import EloReports
import Foundation
import GRDB

/// Reads what coverage is computed from out of the index: per region, the current (not withdrawn) version
/// of each document with its labelled passages (those with a label or a near-miss: coverage looks at no
/// other), and the region's documents as they were before its latest
/// new versions (unchanged documents plus the versions the new ones replaced). Read-only.
public struct CoverageIndexReader: Sendable {
    public let queue: DatabaseQueue

    /// Opens the index read-only (it is neither migrated nor written: a backup on read-only media serves);
    /// a missing file is a person's mistake, said as such, and so is a file that is not an elo index.
    public init(indexFile: URL) throws(ReportFailure) {
        let opened: DatabaseQueue?
        do { opened = try IndexStore.openReadOnly(indexFile) } catch { throw ReportFailure(error.description) }
        guard let opened else {
            throw ReportFailure("no index at \(indexFile.path) — run `elo ingest --pipeline …` first, or check `output:` in the pipeline file")
        }
        queue = opened
    }

    /// Every region of `catalog` (those without documents too, which then cannot be assessed), then any other
    /// region found in the index except `unassigned`, in catalog order then by id.
    public func regions(catalog: [(id: String, name: String)]) throws(ReportFailure) -> [RegionDocuments] {
        do {
            return try read(catalog: catalog)
        } catch let failure as ReportFailure {
            throw failure
        } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw ReportFailure("\(IndexProblem.explaining(error, file: URL(fileURLWithPath: queue.path)))")
        } catch {
            throw ReportFailure("cannot read coverage from the index (\(error.localizedDescription)) — is it an index written by `elo ingest`? Run `elo ingest` to bring it up to date")
        }
    }

    private func read(catalog: [(id: String, name: String)]) throws -> [RegionDocuments] {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.region, c.document_id, c.version_id, c.version, c.path, c.sha256, c.pages, c.language,
                       c.method, c.status, v.encoding, v.diagnostics,
                       (SELECT p.id FROM versions p WHERE p.document_id = c.document_id AND p.number < c.version
                        ORDER BY p.number DESC LIMIT 1) AS previous_id
                FROM current_documents c JOIN versions v ON v.id = c.version_id
                ORDER BY c.region, c.path
                """)
            var current: [String: [Document]] = [:]
            var previous: [String: [Document]] = [:]
            var replaced: Set<String> = []
            for row in rows {
                let region: String = row["region"]
                let document = try Self.document(row, version: row["version_id"], labelledOnly: true, db)
                current[region, default: []].append(document)
                if let previousID: Int64 = row["previous_id"] {
                    previous[region, default: []].append(try Self.document(versionID: previousID, labelledOnly: true, db))
                    replaced.insert(region)
                } else {
                    previous[region, default: []].append(document)
                }
            }
            // A region's previous state only exists when one of its documents has an earlier version.
            previous = previous.filter { replaced.contains($0.key) }
            var result = catalog.map {
                RegionDocuments(region: $0.id, name: $0.name, current: current[$0.id] ?? [], previous: previous[$0.id] ?? [])
            }
            let known = Set(catalog.map(\.id))
            for region in current.keys.sorted() where !known.contains(region) && region != "unassigned" {
                result.append(RegionDocuments(region: region, name: region, current: current[region] ?? [], previous: previous[region] ?? []))
            }
            return result
        }
    }

    /// Every current document (not withdrawn, not unassigned) with all its passages and labels, by region.
    public func currentDocuments() throws(ReportFailure) -> [(region: String, document: Document)] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT region, version_id FROM current_documents WHERE region != 'unassigned' ORDER BY region, path")
                    .map { row in (row["region"], try Self.document(versionID: row["version_id"], db)) }
            }
        } catch let failure as ReportFailure {
            throw failure
        } catch {
            throw ReportFailure("cannot read the documents from the index (\(error.localizedDescription)) — run `elo ingest` to bring it up to date")
        }
    }

    static func document(versionID: Int64, labelledOnly: Bool = false, _ db: Database) throws -> Document {
        guard let row = try Row.fetchOne(db, sql: "SELECT *, id AS version_id FROM versions WHERE id = ?", arguments: [versionID]) else {
            throw ReportFailure("the index lost version \(versionID) while reading; run the command again")
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
        let onlyLabelled = labelledOnly ? """
             AND (EXISTS (SELECT 1 FROM labels l WHERE l.passage_id = passages.id)
                  OR EXISTS (SELECT 1 FROM near_misses n WHERE n.passage_id = passages.id))
            """ : ""
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, page, idx, kind, language, text, ocr_confidence FROM passages WHERE version_id = ?\(onlyLabelled)
            ORDER BY page, idx
            """), arguments: [version]).map { row in
            Passage(page: row["page"], index: row["idx"], kind: Passage.Kind(rawValue: row["kind"]) ?? .paragraph,
                    language: Language(rawValue: row["language"]) ?? .unknown, text: row["text"],
                    labels: labels[row["id"]] ?? [], ocrConfidence: row["ocr_confidence"], nearMisses: nearMisses[row["id"]] ?? [])
        }
    }

    /// The rows of `labels` or `near_misses` for one version's passages, by passage id. Evidence is read by
    /// ``EvidenceJSON``, with Foundation's decoder as the fallback; a row that neither can read keeps no evidence.
    static func labels(in table: String, version: Int64, _ db: Database) throws -> [Int64: [PassageLabel]] {
        var labels: [Int64: [PassageLabel]] = [:]
        let decoder = JSONDecoder()
        let statement = try db.cachedStatement(sql: """
            SELECT l.passage_id, l.label, l.score, l.evidence FROM \(table) l
            JOIN passages p ON p.id = l.passage_id WHERE p.version_id = ? ORDER BY l.passage_id, l.label
            """)
        for row in try Row.fetchAll(statement, arguments: [version]) {
            let column: String = row["evidence"]
            let evidence = EvidenceJSON.decode(column)
                ?? (try? decoder.decode([PassageLabel.Evidence].self, from: Data(column.utf8))) ?? []
            labels[row["passage_id"], default: []].append(PassageLabel(id: row["label"], score: row["score"], evidence: evidence))
        }
        return labels
    }
}
