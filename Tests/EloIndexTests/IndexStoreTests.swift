import EloCore
import EloTestSupport
import Foundation
import GRDB
import Testing

@testable import EloIndex

@Suite("Index store")
struct IndexStoreTests {
    static func document(_ sha: String, _ texts: [String], status: ExtractionStatus = .ok) -> Document {
        Document(
            path: "x", sha256: sha, pages: 1, language: .finnish, status: status, method: .plainText,
            diagnostics: [],
            passages: texts.enumerated().map {
                Passage(page: 1, index: $0.offset, kind: .paragraph, language: .finnish, text: $0.element)
            })
    }

    static func item(_ path: String, _ document: Document, key: String = "k", labels: String? = nil) -> IndexedVersion {
        IndexedVersion(
            path: path, bytes: 10, mtimeNanoseconds: 1, region: "lappi", regionSource: "folder", round: nil,
            documentType: nil, versionKey: key, document: document,
            baseTexts: document.passages.map { $0.text.lowercased() },
            labelSetVersion: labels)
    }

    @Test func migratesAndKeepsNordicLettersInFullTextSearch() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p.yaml", startedAt: Date())
        try store.commit(
            Self.item("a.txt", Self.document("aa", ["Hyvä ohjaus", "Hyva ohjaus ilman pisteitä", "Åbolands plan"])),
            run: run, at: Date())
        let hits = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT text FROM passages_fts WHERE passages_fts MATCH 'hyvä' ORDER BY rowid")
        }
        #expect(hits == ["Hyvä ohjaus"])
        let swedish = try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH 'base_text:åbolands'")
        }
        #expect(swedish == 1)
        let tables = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name")
        }
        for name in [
            "documents", "versions", "files", "passages", "labels", "runs", "coverage_by_region",
            "coverage_by_region_label", "current_documents",
        ] {
            #expect(tables.contains(name), "missing \(name)")
        }
        // the full-text index merges its segments 16 at a time (v5), kept in FTS5's own configuration
        let automerge = try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM passages_fts_config WHERE k = 'automerge'")
        }
        #expect(automerge == 16)
    }

    /// The full-text index is filled per version in one statement (no insert trigger): every passage is in
    /// it exactly once, across versions, re-readings and deletions, and FTS5's own check agrees.
    @Test func fullTextIndexHoldsEveryPassageOnce() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p.yaml", startedAt: Date())
        try store.commit(
            Self.item("a.txt", Self.document("aa", ["ohjaus yksi", "ohjaus kaksi"]), key: "a"), run: run, at: Date())
        try store.commit(Self.item("b.txt", Self.document("bb", ["ohjaus kolme"]), key: "b"), run: run, at: Date())
        let locked = Self.document("cc", [], status: .needsPassword)
        try store.commit(Self.item("c.pdf", locked, key: "c"), run: run, at: Date())
        try store.commit(
            Self.item("c.pdf", Self.document("cc", ["ohjaus neljä", "ohjaus viisi"]), key: "c"), run: run, at: Date())
        try store.queue.write { db in try db.execute(sql: "DELETE FROM passages WHERE text = 'ohjaus kaksi'") }
        try store.queue.read { db in
            let passages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages")!
            let hits = try Int64.fetchAll(
                db, sql: "SELECT rowid FROM passages_fts WHERE passages_fts MATCH 'ohjaus' ORDER BY rowid")
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM passages ORDER BY id")
            #expect(passages == 4)
            #expect(hits == ids)
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            #expect(triggers == ["passages_fts_delete", "passages_fts_update"])
        }
        try store.queue.write { db in
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func sameContentElsewhereIsLinkedNotASecondDocument() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        #expect(try store.commit(Self.item("a.txt", Self.document("aa", ["x"])), run: run, at: Date()) == .newDocument)
        #expect(
            try store.commit(Self.item("b.txt", Self.document("aa", ["x"]), key: "other"), run: run, at: Date())
                == .linked)
        #expect(try store.link(path: "c.txt", bytes: 1, mtimeNanoseconds: 1, sha256: "aa", run: run, at: Date()))
        #expect(try !store.link(path: "d.txt", bytes: 1, mtimeNanoseconds: 1, sha256: "zz", run: run, at: Date()))
        let counts = try store.queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents")!,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files")!,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages")!
            )
        }
        #expect(counts == (1, 3, 1))
        #expect(try store.counters(ofRun: run)["linked_files"] == 2)
    }

    /// A scan stored as needs-ocr (or an encrypted file stored as needs-password) that is read again — OCR
    /// turned on, password given — gets its new reading in place of the old one: same document, same version.
    @Test(arguments: [ExtractionStatus.needsOCR, .needsPassword])
    func unreadableContentReadAgainReplacesItsReading(first: ExtractionStatus) throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        #expect(
            try store.commit(Self.item("scan.pdf", Self.document("ss", [], status: first)), run: run, at: Date())
                == .newDocument)
        #expect(try store.status(ofContent: "ss") == first)
        #expect(
            try store.commit(Self.item("scan.pdf", Self.document("ss", ["Ohjaamo avattiin"])), run: run, at: Date())
                == .reread)
        #expect(try store.status(ofContent: "ss") == .ok)
        let counts = try store.queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents")!,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions")!,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages")!
            )
        }
        #expect(counts == (1, 1, 1))
        // A readable version is never replaced by reading the same content again.
        #expect(
            try store.commit(Self.item("scan.pdf", Self.document("ss", ["toinen"])), run: run, at: Date()) == .linked)
    }

    @Test func changedFileBecomesNewVersionAndOldOneStaysInHistory() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        try store.commit(Self.item("plan.txt", Self.document("v1", ["old"])), run: run, at: Date())
        #expect(
            try store.commit(Self.item("plan.txt", Self.document("v2", ["new"])), run: run, at: Date()) == .newVersion)
        #expect(
            try store.commit(Self.item("plan_v3.txt", Self.document("v3", ["newer"]), key: "k"), run: run, at: Date())
                == .newVersion)
        let rows = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT number, superseded_at IS NOT NULL AS old FROM versions ORDER BY number")
        }
        #expect(rows.map { $0["number"] as Int } == [1, 2, 3])
        #expect(rows.map { $0["old"] as Bool } == [true, true, false])
        let current = try store.queue.read { db in try String.fetchAll(db, sql: "SELECT sha256 FROM current_documents")
        }
        #expect(current == ["v3"])
    }

    @Test func removedFilesWithdrawTheirDocumentAndReturnRevivesIt() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        try store.commit(Self.item("a.txt", Self.document("aa", ["x"]), key: "a"), run: run, at: Date())
        try store.commit(Self.item("b.txt", Self.document("bb", ["y"]), key: "b"), run: run, at: Date())
        #expect(try store.withdrawMissing(present: ["a.txt"], run: run, at: Date()) == ["b.txt"])
        let withdrawn = try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE withdrawn_at IS NOT NULL")
        }
        #expect(withdrawn == 1)
        #expect(try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM passages") } == 2)
        try store.touch(paths: ["b.txt"], at: Date())
        #expect(try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM current_documents") } == 2)
    }

    @Test func labelsAreReplacedWhenTheLabelSetChanges() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        var document = Self.document("aa", ["laadun parantaminen"])
        document.passages[0].labels = [
            PassageLabel(id: "okm.laatu", score: 0.9, evidence: [.init(cue: "laatu", text: "laadun", start: 0, end: 6)])
        ]
        try store.commit(Self.item("a.txt", document, labels: "v1"), run: run, at: Date())
        #expect(try store.versionsToReclassify(labelSetVersion: "v1").isEmpty)
        let pending = try store.versionsToReclassify(labelSetVersion: "v2")
        #expect(pending.count == 1)
        let passages = try store.passages(ofVersion: pending[0])
        try store.replaceLabels(
            ofVersion: pending[0],
            with: [passages[0].id: [PassageLabel(id: "okm.saatavuus", score: 0.5, evidence: [])]],
            labelSetVersion: "v2", run: run)
        let labels = try store.queue.read { db in try String.fetchAll(db, sql: "SELECT label FROM labels") }
        #expect(labels == ["okm.saatavuus"])
        let coverage = try store.queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM coverage_by_region_label")
        }
        #expect(coverage?["region"] == "lappi")
        #expect(coverage?["passages"] == 1)
    }

    /// Classifying again replaces the classifier's own diagnostics and keeps extraction's.
    @Test func reclassifyingReplacesOnlyTheClassifiersDiagnostics() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let run = try store.beginRun(pid: 1, pipeline: "p", startedAt: Date())
        var document = Self.document("aa", ["Avustuksen ehdot"])
        let damaged = Diagnostic(id: "extraction.damaged", severity: .warning, message: "page 2 damaged")
        document.diagnostics = [
            damaged, Diagnostic(id: "classification.off-topic", severity: .warning, message: "old"),
        ]
        try store.commit(Self.item("a.txt", document, labels: "v1"), run: run, at: Date())
        let version = try #require(try store.versionsToReclassify(labelSetVersion: "v2").first)
        func stored() throws -> [String] {
            let json =
                try store.queue.read { db in try String.fetchOne(db, sql: "SELECT diagnostics FROM versions") } ?? ""
            return try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8)).map(\.message)
        }
        let fresh = Diagnostic(id: "classification.off-topic", severity: .warning, message: "new")
        try store.replaceLabels(ofVersion: version, with: [:], classification: [fresh], labelSetVersion: "v2", run: run)
        #expect(try stored() == ["page 2 damaged", "new"])
        try store.replaceLabels(ofVersion: version, with: [:], classification: [], labelSetVersion: "v3", run: run)
        #expect(try stored() == ["page 2 damaged"])
        try store.replaceLabels(ofVersion: version, with: [:], labelSetVersion: "v4", run: run)
        #expect(try stored() == ["page 2 damaged"], "nil leaves the diagnostics as they are")
    }
}
