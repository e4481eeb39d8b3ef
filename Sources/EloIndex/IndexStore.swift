import EloCore
import Foundation
import GRDB

/// The SQLite index file: opened with migrations, written through one connection (GRDB's `DatabaseQueue`
/// serialises every write), one transaction per committed document so that a kill at any moment leaves it
/// consistent.
public final class IndexStore: Sendable {
    public let queue: DatabaseQueue
    public let url: URL

    /// Opens (creating if needed) and migrates the index at `url`, after checking that it is an elo index
    /// (`IndexIdentity`) and, with `checkHealth`, that it is not damaged (`IndexHealth.quick`): a file that
    /// fails either is left untouched and the `IndexProblem` says what to do.
    public init(url: URL, checkHealth: Bool = false) throws {
        self.url = url
        let verdict = try IndexIdentity.check(url)
        do {
            if checkHealth, verdict == .index { try Self.requireHealthy(url) }
            queue = try Self.openForWriting(url)
            try IndexSchema.migrator.migrate(queue)
            try queue.write { db in
                if try Int.fetchOne(db, sql: "PRAGMA user_version") != IndexIdentity.schemaVersion {
                    try IndexIdentity.stamp(db)
                }
            }
        } catch let problem as IndexProblem {
            throw problem
        } catch {
            throw IndexProblem.explaining(error, file: url)
        }
    }

    // MARK: Runs

    /// Starts a run; any run still marked `running` belongs to a process that died and becomes `interrupted`.
    public func beginRun(pid: Int32, pipeline: String, startedAt: Date) throws -> Int64 {
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET outcome = 'interrupted' WHERE outcome = 'running'")
            try db.execute(
                sql: "INSERT INTO runs (started_at, pid, pipeline) VALUES (?, ?, ?)",
                arguments: [Self.timestamp(startedAt), pid, pipeline])
            return db.lastInsertedRowID
        }
    }

    /// Adds to a run's counters (column names from the `runs` table).
    public func count(_ column: RunCounter, by amount: Int = 1, run: Int64) throws {
        try queue.write { db in try Self.bump(column, by: amount, run: run, db) }
    }

    /// A run's counters by column name (`new_documents`, `withdrawn`, …).
    public func counters(ofRun run: Int64) throws -> [String: Int] {
        try queue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [run]) else {
                return [:]
            }
            var counters: [String: Int] = [:]
            for column in row.columnNames {
                if case .int64(let value) = (row[column] as DatabaseValue).storage { counters[column] = Int(value) }
            }
            return counters
        }
    }

    /// Ends a run with its outcome (`ok`, `needs-attention`, `broken`).
    public func finishRun(_ run: Int64, outcome: String, filesSeen: Int, endedAt: Date) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE runs SET outcome = ?, files_seen = ?, ended_at = ? WHERE id = ?",
                arguments: [outcome, filesSeen, Self.timestamp(endedAt), run])
        }
    }

    // MARK: Change detection

    /// Every file location the index has recorded, keyed by inbox-relative path.
    public func knownFiles() throws -> [String: KnownFile] {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.path, f.bytes, f.mtime_ns, f.removed_at, v.sha256, v.status, v.read_with
                    FROM files f JOIN versions v ON v.id = f.version_id
                    """)
            var known: [String: KnownFile] = [:]
            for row in rows {
                let path: String = row["path"]
                known[path] = KnownFile(
                    path: path, bytes: row["bytes"], mtimeNanoseconds: row["mtime_ns"], sha256: row["sha256"],
                    status: ExtractionStatus(rawValue: row["status"]) ?? .failed,
                    removed: (row["removed_at"] as String?) != nil, readWith: row["read_with"])
            }
            return known
        }
    }

    /// Whether a content is already indexed, and its status.
    public func status(ofContent sha256: String) throws -> ExtractionStatus? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM versions WHERE sha256 = ?", arguments: [sha256])
                .flatMap(ExtractionStatus.init(rawValue:))
        }
    }

    /// Records that unchanged files were seen again (no reading, no hashing).
    public func touch(paths: [String], at date: Date) throws {
        let now = Self.timestamp(date)
        try queue.write { db in
            for path in paths {
                try db.execute(
                    sql: "UPDATE files SET last_seen = ?, removed_at = NULL WHERE path = ?", arguments: [now, path])
                try db.execute(
                    sql: """
                        UPDATE versions SET last_seen = ?1 WHERE id = (SELECT version_id FROM files WHERE path = ?2)
                        """, arguments: [now, path])
                try db.execute(
                    sql: """
                        UPDATE documents SET last_seen = ?1, withdrawn_at = NULL WHERE id =
                            (SELECT v.document_id FROM files f JOIN versions v ON v.id = f.version_id WHERE f.path = ?2)
                        """, arguments: [now, path])
            }
        }
    }

    // MARK: Committing

    /// Commits one file in one transaction: a new document, a new version of a known document, or only a new
    /// location for content already indexed. The run's counters move in the same transaction, so a run that is
    /// killed counts exactly what it committed.
    @discardableResult
    public func commit(_ item: IndexedVersion, run: Int64, at date: Date) throws -> CommitOutcome {
        try queue.write { db in
            let now = Self.timestamp(date)
            if let row = try Row.fetchOne(
                db, sql: "SELECT id, status FROM versions WHERE sha256 = ?", arguments: [item.document.sha256])
            {
                let existing: Int64 = row["id"]
                // A document that could not be read before (no password, a scan before OCR was on, a failure)
                // and was read again (a password given, OCR on, the file re-sent, `--retry`): its new reading
                // replaces the old one, also when
                // it still could not be read — then its diagnostics say why this time (a wrong password).
                let stored = ExtractionStatus(rawValue: row["status"] as String)
                if let stored, [.needsPassword, .needsOCR, .failed].contains(stored) || item.replacesReading {
                    try Self.replaceReading(of: existing, with: item, now: now, db)
                    try Self.reorder(document: try Self.document(ofVersion: existing, db), now: now, db)
                    if Self.needsAttention(item) { try Self.bump(.needsAttention, run: run, db) }
                    return .reread
                }
                try Self.recordFile(item, version: existing, now: now, db)
                try db.execute(
                    sql: """
                        UPDATE documents SET last_seen = ?, withdrawn_at = NULL
                        WHERE id = (SELECT document_id FROM versions WHERE id = ?)
                        """, arguments: [now, existing])
                try Self.bump(.linkedFiles, run: run, db)
                return .linked
            }
            let previousDocument = try Self.documentForNewVersion(of: item, db)
            let documentID: Int64
            let number: Int
            if let previousDocument {
                documentID = previousDocument
                // A place at the end for now: `reorder` numbers the versions in their order.
                number =
                    (try Int.fetchOne(
                        db, sql: "SELECT MAX(number) FROM versions WHERE document_id = ?", arguments: [documentID]) ?? 0)
                    + 1
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO documents (region, region_source, round, doc_type, version_key, first_seen, last_seen)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        item.region, item.regionSource, item.round, item.documentType, item.versionKey, now, now,
                    ])
                documentID = db.lastInsertedRowID
                number = 1
            }
            let document = item.document
            let diagnostics = String(decoding: try JSONEncoder().encode(document.diagnostics), as: UTF8.self)
            try db.execute(
                sql: """
                    INSERT INTO versions (document_id, number, sha256, path, bytes, pages, language, method, status,
                        encoding, diagnostics, label_set_version, run_id, first_seen, last_seen, read_with)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    documentID, number, document.sha256, item.path, item.bytes, document.pages,
                    document.language.rawValue, document.method.rawValue, document.status.rawValue, document.encoding,
                    diagnostics, item.labelSetVersion, run, now, now, item.readWith,
                ])
            let versionID = db.lastInsertedRowID
            try Self.insertPassages(document.passages, baseTexts: item.baseTexts, version: versionID, db)
            try Self.writeFacts(
                Self.orderFacts(path: item.path, round: item.round, passages: document.passages), version: versionID, db
            )
            try db.execute(
                sql: """
                    UPDATE documents SET last_seen = ?, withdrawn_at = NULL,
                        region = ?, region_source = ?, round = COALESCE(?, round), doc_type = COALESCE(?, doc_type)
                    WHERE id = ?
                    """, arguments: [now, item.region, item.regionSource, item.round, item.documentType, documentID])
            try Self.reorder(document: documentID, now: now, db)
            try Self.recordFile(item, version: versionID, now: now, db)
            try Self.bump(previousDocument == nil ? .newDocuments : .newVersions, run: run, db)
            if Self.needsAttention(item) { try Self.bump(.needsAttention, run: run, db) }
            return previousDocument == nil ? .newDocument : .newVersion
        }
    }

    /// Records a new location (renamed or duplicated file) of content that is already indexed, without reading.
    /// Returns false when the content is not indexed after all (then the file must be read).
    public func link(path: String, bytes: Int64, mtimeNanoseconds: Int64, sha256: String, run: Int64, at date: Date)
        throws -> Bool
    {
        try queue.write { db in
            guard
                let version = try Int64.fetchOne(
                    db, sql: "SELECT id FROM versions WHERE sha256 = ?", arguments: [sha256])
            else { return false }
            let now = Self.timestamp(date)
            try Self.recordFile(
                path: path, bytes: bytes, mtimeNanoseconds: mtimeNanoseconds, version: version, now: now, db)
            try db.execute(
                sql: """
                    UPDATE documents SET last_seen = ?, withdrawn_at = NULL
                    WHERE id = (SELECT document_id FROM versions WHERE id = ?)
                    """, arguments: [now, version])
            try Self.bump(.linkedFiles, run: run, db)
            return true
        }
    }

    /// Marks files not seen in this run as removed, and documents without any present file as withdrawn.
    /// Returns the paths newly removed.
    public func withdrawMissing(present: Set<String>, run: Int64, at date: Date) throws -> [String] {
        let now = Self.timestamp(date)
        return try queue.write { db in
            let listed = try String.fetchAll(db, sql: "SELECT path FROM files WHERE removed_at IS NULL")
            let gone = listed.filter { !present.contains($0) }
            for path in gone {
                try db.execute(sql: "UPDATE files SET removed_at = ? WHERE path = ?", arguments: [now, path])
            }
            try db.execute(
                sql: """
                    UPDATE documents SET withdrawn_at = ?
                    WHERE withdrawn_at IS NULL AND NOT EXISTS (
                        SELECT 1 FROM files f JOIN versions v ON v.id = f.version_id
                        WHERE v.document_id = documents.id AND f.removed_at IS NULL)
                    """, arguments: [now])
            try Self.bump(.withdrawn, by: db.changesCount, run: run, db)
            return gone
        }
    }

    // MARK: Re-classification

    /// Readable versions whose labels came from other label definitions than `labelSetVersion`.
    public func versionsToReclassify(labelSetVersion: String) throws -> [Int64] {
        try queue.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM versions
                    WHERE status IN ('ok', 'partial') AND (label_set_version IS NULL OR label_set_version <> ?)
                    """, arguments: [labelSetVersion])
        }
    }

    /// A version's passages as stored, in document order.
    public func passages(ofVersion version: Int64) throws -> [StoredPassage] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, page, idx, kind, language, text FROM passages WHERE version_id = ? ORDER BY page, idx",
                arguments: [version]
            ).map { row in
                StoredPassage(
                    id: row["id"],
                    passage: Passage(
                        page: row["page"], index: row["idx"], kind: Passage.Kind(rawValue: row["kind"]) ?? .paragraph,
                        language: Language(rawValue: row["language"]) ?? .unknown, text: row["text"]))
            }
        }
    }

    /// Replaces a version's labels in one transaction and records which label definitions produced them.
    /// `classification`: the classifier's diagnostics for the version now (`classification.off-topic`), which
    /// replace the ones stored from its last classification; extraction's diagnostics stay. nil leaves them.
    public func replaceLabels(
        ofVersion version: Int64, with labels: [Int64: [PassageLabel]], nearMisses: [Int64: [PassageLabel]] = [:],
        classification: [Diagnostic]? = nil, labelSetVersion: String, run: Int64
    ) throws {
        try queue.write { db in
            if let classification {
                let stored =
                    try String.fetchOne(db, sql: "SELECT diagnostics FROM versions WHERE id = ?", arguments: [version])
                    ?? "[]"
                let kept = ((try? JSONDecoder().decode([Diagnostic].self, from: Data(stored.utf8))) ?? [])
                    .filter { !$0.id.hasPrefix(Diagnostic.classificationPrefix) }
                let diagnostics = String(decoding: try JSONEncoder().encode(kept + classification), as: UTF8.self)
                try db.execute(
                    sql: "UPDATE versions SET diagnostics = ? WHERE id = ?", arguments: [diagnostics, version])
            }
            for table in ["labels", "near_misses"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE passage_id IN (SELECT id FROM passages WHERE version_id = ?)",
                    arguments: [version])
            }
            for (passageID, passageLabels) in labels {
                try Self.insertLabels(passageLabels, passage: passageID, db)
            }
            for (passageID, passageLabels) in nearMisses {
                try Self.insertLabels(passageLabels, passage: passageID, table: "near_misses", db)
            }
            try db.execute(
                sql: "UPDATE versions SET label_set_version = ? WHERE id = ?", arguments: [labelSetVersion, version])
            try Self.bump(.reclassified, run: run, db)
        }
    }

    // MARK: Helpers

    static func documentForNewVersion(of item: IndexedVersion, _ db: Database) throws -> Int64? {
        if let byPath = try Int64.fetchOne(
            db,
            sql: """
                SELECT v.document_id FROM files f JOIN versions v ON v.id = f.version_id WHERE f.path = ?
                """, arguments: [item.path])
        {
            return byPath
        }
        return try Int64.fetchOne(
            db, sql: "SELECT id FROM documents WHERE version_key = ? ORDER BY id DESC LIMIT 1",
            arguments: [item.versionKey])
    }

    /// Same content read again with a password that was missing before: the version's reading is replaced.
    static func replaceReading(of version: Int64, with item: IndexedVersion, now: String, _ db: Database) throws {
        let document = item.document
        let diagnostics = String(decoding: try JSONEncoder().encode(document.diagnostics), as: UTF8.self)
        try db.execute(sql: "DELETE FROM passages WHERE version_id = ?", arguments: [version])
        try db.execute(
            sql: """
                UPDATE versions SET pages = ?, language = ?, method = ?, status = ?, encoding = ?, diagnostics = ?,
                    label_set_version = ?, read_with = ? WHERE id = ?
                """,
            arguments: [
                document.pages, document.language.rawValue, document.method.rawValue, document.status.rawValue,
                document.encoding, diagnostics, item.labelSetVersion, item.readWith, version,
            ])
        try insertPassages(document.passages, baseTexts: item.baseTexts, version: version, db)
        try writeFacts(
            orderFacts(path: item.path, round: item.round, passages: document.passages), version: version, db)
        try recordFile(item, version: version, now: now, db)
    }

    static func recordFile(_ item: IndexedVersion, version: Int64, now: String, _ db: Database) throws {
        try recordFile(
            path: item.path, bytes: item.bytes, mtimeNanoseconds: item.mtimeNanoseconds, version: version, now: now, db)
    }

    /// The inbox file at `path` now holds `version`; the version was seen `now`.
    static func recordFile(
        path: String, bytes: Int64, mtimeNanoseconds: Int64, version: Int64, now: String, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO files (path, version_id, bytes, mtime_ns, first_seen, last_seen)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                ON CONFLICT(path) DO UPDATE SET version_id = ?2, bytes = ?3, mtime_ns = ?4, last_seen = ?5, removed_at = NULL
                """, arguments: [path, version, bytes, mtimeNanoseconds, now])
        try db.execute(sql: "UPDATE versions SET last_seen = ? WHERE id = ?", arguments: [now, version])
    }

    static func insertPassages(_ passages: [Passage], baseTexts: [String], version: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO passages (version_id, page, idx, kind, language, text, base_text, ocr_confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (offset, passage) in passages.enumerated() {
            let base = offset < baseTexts.count ? baseTexts[offset] : ""
            try statement.execute(arguments: [
                version, passage.page, passage.index, passage.kind.rawValue, passage.language.rawValue, passage.text,
                base,
                passage.ocrConfidence,
            ])
            let passageID = db.lastInsertedRowID
            if let labels = passage.labels { try insertLabels(labels, passage: passageID, db) }
            if let nearMisses = passage.nearMisses {
                try insertLabels(nearMisses, passage: passageID, table: "near_misses", db)
            }
        }
        try indexPassages(ofVersion: version, db)
    }

    /// Adds a version's passages to the full-text index in one statement (FTS5 flushes once per statement,
    /// so row-by-row inserts would cost a flush each).
    static func indexPassages(ofVersion version: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO passages_fts(rowid, text, base_text)
                SELECT id, text, base_text FROM passages WHERE version_id = ? ORDER BY id
                """
        ).execute(arguments: [version])
    }

    /// Writes labels (or, with `table: "near_misses"`, near-misses) of one passage.
    static func insertLabels(_ labels: [PassageLabel], passage: Int64, table: String = "labels", _ db: Database) throws
    {
        let statement = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(table) (passage_id, label, score, evidence) VALUES (?, ?, ?, ?)")
        for label in labels {
            try statement.execute(arguments: [passage, label.id, label.score, EvidenceJSON.encode(label.evidence)])
        }
    }

    /// Not fully read (`partial` included: pages were lost), or no region found.
    static func needsAttention(_ item: IndexedVersion) -> Bool {
        item.document.status != .ok || item.region == "unassigned"
    }

    static func bump(_ column: RunCounter, by amount: Int = 1, run: Int64, _ db: Database) throws {
        guard amount != 0 else { return }
        try db.execute(
            sql: "UPDATE runs SET \(column.rawValue) = \(column.rawValue) + ? WHERE id = ?", arguments: [amount, run])
    }

    /// ISO 8601 in UTC with milliseconds: sorts as text.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// The counters of the `runs` table.
public enum RunCounter: String, Sendable {
    case unchanged
    case newDocuments = "new_documents"
    case newVersions = "new_versions"
    case linkedFiles = "linked_files"
    case needsAttention = "needs_attention"
    case withdrawn
    case reclassified
}
