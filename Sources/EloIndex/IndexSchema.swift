import GRDB

/// The index's tables, views and full-text indexes, as named migrations. the README section "The index" describes them
/// for analysts; a change here is a new migration, never an edit of a shipped one.
public enum IndexSchema {
    /// The first migration: a database that has it was written by elo (before `IndexIdentity` existed too).
    static let firstMigration = "v1-documents-passages-labels-runs"

    /// The migrator every opening of an index runs: it brings any older index up to date.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-passages-labels-runs") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v1-coverage-views") { db in
            try db.execute(sql: views)
        }
        migrator.registerMigration("v2-near-misses") { db in
            try db.execute(sql: nearMisses)
        }
        migrator.registerMigration("v3-ocr-confidence") { db in
            // Mean recogniser confidence (0–1) of the page a passage was OCR'd from; NULL for text layers.
            try db.execute(sql: "ALTER TABLE passages ADD COLUMN ocr_confidence REAL")
        }
        migrator.registerMigration("v4-fts-filled-per-version") { db in
            // The insert trigger wrote the full-text index one row at a time, and FTS5 flushes its pending
            // terms at every statement: most of the cost of committing a document. The index now takes a
            // version's passages in one statement (`IndexStore.indexPassages`); updates and deletes keep
            // their triggers.
            try db.execute(sql: "DROP TRIGGER passages_fts_insert")
        }
        migrator.registerMigration("v5-fts-automerge-16") { db in
            // Each committed document adds a segment to the full-text index, and FTS5 merges segments as they
            // come (by default once 4 share a level): a night's ingest spent a good part of its commits
            // merging. Merging at 16 does that work far less often; a search reads a few more segments.
            // `INSERT INTO passages_fts(passages_fts) VALUES('optimize')` merges everything into one.
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts, rank) VALUES('automerge', 16)")
        }
        migrator.registerMigration("v6-version-order") { db in
            // Versions were ordered by when they were read, and files by modification time, which a
            // `git clone` resets. Each version now keeps what orders it (`VersionOrder`), and how it was
            // read (`read_with`), so that one waiting for a password or OCR is read again only when that changes.
            try db.execute(sql: versionOrder)
            try IndexStore.orderStoredVersions(db)
        }
        migrator.registerMigration("v7-application-id") { db in
            // The index says what it is (`IndexIdentity`): elo's application id and the schema version, so that
            // elo never adopts another program's database and an older elo refuses a newer index.
            try IndexIdentity.stamp(db)
        }
        migrator.registerMigration("v8-coverage-snapshots") { db in
            // Each ingest run that writes reports keeps the coverage it found per region (`CoverageSnapshot`), so
            // the reports and `elo changes` can say what changed since an earlier round; a region's snapshot is
            // stored only when it differs from its previous one. Runs are never deleted (`keep_runs` prunes the
            // summary files only), so the history reaches back to the first run that kept one.
            try db.execute(sql: coverageSnapshots)
        }
        return migrator
    }

    /// The facts that order a document's versions, the reason of each one's place, and the view that lists
    /// them; see `IndexStore.reorder`.
    static let versionOrder = """
        ALTER TABLE versions ADD COLUMN order_round TEXT;
        ALTER TABLE versions ADD COLUMN name_marker INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE versions ADD COLUMN name_date TEXT;
        ALTER TABLE versions ADD COLUMN stated_date TEXT;
        ALTER TABLE versions ADD COLUMN order_reason TEXT;
        ALTER TABLE versions ADD COLUMN read_with TEXT;
        CREATE VIEW document_versions AS
            SELECT d.region, d.id AS document_id, v.number AS version, v.path, v.status,
                   v.id = d.current_version_id AS is_current, v.order_round AS round, v.name_marker,
                   v.name_date, v.stated_date, v.order_reason, v.first_seen, v.superseded_at
            FROM documents d JOIN versions v ON v.document_id = d.id
            WHERE d.withdrawn_at IS NULL;
        """

    /// Per run and region, each label's level, best score and the document version that decided it (with the
    /// best quote, the history's evidence before and after); `document` is the path the reports name.
    static let coverageSnapshots = """
        CREATE TABLE coverage_snapshots (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            region TEXT NOT NULL,
            label_set TEXT NOT NULL,
            label TEXT NOT NULL,
            level TEXT NOT NULL,
            score REAL,
            version_id INTEGER,
            document TEXT,
            page INTEGER,
            quote TEXT,
            PRIMARY KEY (run_id, region, label)
        );
        CREATE INDEX coverage_snapshots_region ON coverage_snapshots(region, run_id);
        """

    /// Labels that scored below their threshold: not given (no view or search counts them), kept for the
    /// reports' near-misses beside a gap. Same columns as `labels`.
    static let nearMisses = labelTable("near_misses")

    /// A table of labels on passages, `labels` (given, in v1) or `near_misses` (v2): one row per passage and
    /// label with its score and its evidence (`EvidenceJSON`), indexed by label. The text is the one both
    /// migrations shipped with, so indexes created before and after read the same in `sqlite_master`.
    static func labelTable(_ name: String) -> String {
        """
        CREATE TABLE \(name) (
            passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (passage_id, label)
        );
        CREATE INDEX \(name)_label ON \(name)(label);
        """
    }

    static let v1 = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            pid INTEGER NOT NULL,
            pipeline TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'running',
            files_seen INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            new_documents INTEGER NOT NULL DEFAULT 0,
            new_versions INTEGER NOT NULL DEFAULT 0,
            linked_files INTEGER NOT NULL DEFAULT 0,
            needs_attention INTEGER NOT NULL DEFAULT 0,
            withdrawn INTEGER NOT NULL DEFAULT 0,
            reclassified INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            region TEXT NOT NULL,
            region_source TEXT NOT NULL,
            round TEXT,
            doc_type TEXT,
            version_key TEXT NOT NULL,
            current_version_id INTEGER REFERENCES versions(id),
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            withdrawn_at TEXT
        );
        CREATE INDEX documents_version_key ON documents(version_key);
        CREATE INDEX documents_region ON documents(region);
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            language TEXT NOT NULL,
            method TEXT NOT NULL,
            status TEXT NOT NULL,
            encoding TEXT,
            diagnostics TEXT NOT NULL,
            label_set_version TEXT,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            superseded_at TEXT,
            UNIQUE(document_id, number)
        );
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id),
            bytes INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            removed_at TEXT
        );
        CREATE INDEX files_version ON files(version_id);
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            base_text TEXT NOT NULL
        );
        CREATE INDEX passages_version ON passages(version_id, page, idx);
        \(labelTable("labels"))
        CREATE VIRTUAL TABLE passages_fts USING fts5(
            text, base_text, content='passages', content_rowid='id',
            tokenize = "unicode61 remove_diacritics 0"
        );
        CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
            INSERT INTO passages_fts(rowid, text, base_text) VALUES (new.id, new.text, new.base_text);
        END;
        CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text, base_text)
                VALUES ('delete', old.id, old.text, old.base_text);
        END;
        CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text, base_text)
                VALUES ('delete', old.id, old.text, old.base_text);
            INSERT INTO passages_fts(rowid, text, base_text) VALUES (new.id, new.text, new.base_text);
        END;
        """

    static let views = """
        CREATE VIEW current_documents AS
            SELECT d.id AS document_id, d.region, d.region_source, d.round, d.doc_type,
                   v.id AS version_id, v.number AS version, v.sha256, v.path, v.pages, v.language,
                   v.method, v.status, d.first_seen, d.last_seen
            FROM documents d JOIN versions v ON v.id = d.current_version_id
            WHERE d.withdrawn_at IS NULL;
        CREATE VIEW coverage_by_region_label AS
            SELECT c.region, l.label,
                   COUNT(DISTINCT c.document_id) AS documents,
                   COUNT(DISTINCT p.id) AS passages,
                   MAX(l.score) AS best_score
            FROM current_documents c
            JOIN passages p ON p.version_id = c.version_id
            JOIN labels l ON l.passage_id = p.id
            GROUP BY c.region, l.label;
        CREATE VIEW coverage_by_region AS
            SELECT c.region,
                   COUNT(DISTINCT c.document_id) AS documents,
                   SUM(CASE WHEN c.status IN ('ok', 'partial') THEN 1 ELSE 0 END) AS readable_documents,
                   (SELECT COUNT(DISTINCT l.label) FROM current_documents c2
                        JOIN passages p ON p.version_id = c2.version_id
                        JOIN labels l ON l.passage_id = p.id
                        WHERE c2.region = c.region) AS labels_covered
            FROM current_documents c
            GROUP BY c.region;
        """
}
