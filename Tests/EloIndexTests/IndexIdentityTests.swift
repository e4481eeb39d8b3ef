import EloCore
import EloTestSupport
import Foundation
import GRDB
import Testing

@testable import EloIndex

/// An index that knows itself: elo refuses, untouched, what it did not write or cannot read safely.
@Suite("Index identity")
struct IndexIdentityTests {
    static func indexWithOneDocument(_ folder: TemporaryFolder, name: String = "index.sqlite") throws -> URL {
        let url = folder.url.appendingPathComponent(name)
        let store = try IndexStore(url: url)
        let run = try store.beginRun(pid: 1, pipeline: "p.yaml", startedAt: Date())
        try store.commit(
            IndexStoreTests.item("a.txt", IndexStoreTests.document("aa", ["Hyvä ohjaus", "Navigatorn i Vasa"])),
            run: run, at: Date())
        try store.queue.close()
        return url
    }

    static func contents(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    @Test func aNewIndexCarriesElosApplicationIDAndSchemaVersion() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let (application, version) = try store.queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(application == IndexIdentity.applicationID)
        #expect(version == IndexIdentity.schemaVersion)
        #expect(version == IndexSchema.migrator.migrations.count)
    }

    @Test func anUnrelatedSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("index.sqlite")
        try DatabaseQueue(path: url.path).write { db in
            try db.execute(
                sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, sum REAL); INSERT INTO invoices VALUES (1, 9.5)")
        }
        let before = Self.contents(url)
        #expect { try IndexStore(url: url, checkHealth: true) } throws: { error in
            (error as? IndexProblem)?.kind == .notAnIndex && "\(error)".contains(url.path)
                && "\(error)".contains("invoices")
        }
        #expect(Self.contents(url) == before)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-wal"))
    }

    @Test func anotherProgramsApplicationIDIsRefused() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("index.sqlite")
        try DatabaseQueue(path: url.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 1234")
        }
        #expect { try IndexStore(url: url) } throws: { ($0 as? IndexProblem)?.kind == .notAnIndex }
    }

    @Test func anEmptyFileIsRefusedWithHowToStartOver() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write(Data(), to: "index.sqlite")
        #expect { try IndexStore(url: url) } throws: { error in
            let text = "\(error)"
            return (error as? IndexProblem)?.kind == .empty && text.contains("0 bytes") && text.contains("move it away")
                && text.contains("elo backup")
        }
        #expect(Self.contents(url)?.count == 0)
    }

    @Test func anIndexOfANewerEloIsRefusedNamingItsVersion() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        try DatabaseQueue(path: url.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = 42")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v42-something-new')")
        }
        let before = Self.contents(url)
        #expect { try IndexStore(url: url) } throws: { error in
            let text = "\(error)"
            return (error as? IndexProblem)?.kind == .newer && text.contains("version 42")
                && text.contains("v42-something-new")
                && text.contains("up to version \(IndexIdentity.schemaVersion)")
        }
        #expect(Self.contents(url) == before)
    }

    @Test func anIndexOfAnEloBeforeTheApplicationIDIsAdoptedAndStamped() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        try DatabaseQueue(path: url.path).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 0; PRAGMA user_version = 0")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-application-id'")
        }
        let store = try IndexStore(url: url, checkHealth: true)
        let application = try store.queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
        #expect(application == IndexIdentity.applicationID)
        #expect(try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions") } == 1)
    }

    @Test func aDamagedSearchIndexStopsAWritingOpenAndRebuildingRepairsIt() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        // A passage the search index never saw (the insert trigger is gone since v4).
        try DatabaseQueue(path: url.path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO passages (version_id, page, idx, kind, language, text, base_text)
                    VALUES (1, 2, 0, 'paragraph', 'fi', 'orpo kohta', 'orpo kohta')
                    """)
        }
        let before = Self.contents(url)
        #expect { try IndexStore(url: url, checkHealth: true) } throws: { error in
            (error as? IndexProblem)?.kind == .damaged && "\(error)".contains("passages_fts")
                && "\(error)".contains("elo rebuild-search")
        }
        #expect(Self.contents(url) == before, "nothing is written into a damaged index")
        #expect(try IndexStore.check(url).contains { $0.contains("passages_fts") })
        try IndexStore(url: url).rebuildSearch()
        #expect(try IndexStore.check(url).isEmpty)
    }

    /// SQLite's check and the search index's run at once on two connections; a damaged B-tree is reported as
    /// SQLite reports it (the search index's check, which may fail on the same damage, does not hide it).
    @Test func aDamagedTableStopsAWritingOpenWithSQLitesFindings() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        let (root, pageSize) = try DatabaseQueue(path: url.path).read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'passages_version'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            )
        }
        #expect(root > 1)
        let file = try FileHandle(forUpdating: url)
        try file.seek(toOffset: UInt64((root - 1) * pageSize + 8))
        try file.write(contentsOf: Data(repeating: 0xFF, count: 64))  // the page's cell pointers
        try file.close()
        let before = Self.contents(url)
        #expect { try IndexStore(url: url, checkHealth: true) } throws: { error in
            (error as? IndexProblem)?.kind == .damaged && "\(error)".contains("quick_check")
        }
        #expect(Self.contents(url) == before, "nothing is written into a damaged index")
    }

    /// While a run writes (a transaction open, not committed), a backup copies the index as last committed,
    /// as one self-contained file that opens read-only.
    @Test func aBackupWhileAWriteIsUnderWayCopiesWhatWasCommitted() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let writer = try DatabaseQueue(path: url.path, configuration: holding)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO runs (started_at, pid, pipeline) VALUES ('2026', 2, 'uncommitted')")
        }
        defer { try? writer.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        let copy = folder.url.appendingPathComponent("backup.sqlite")
        try IndexStore.backup(url, to: copy)
        let reader = try #require(try IndexStore.openReadOnly(copy))
        #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") } == 1)
        #expect(try reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try IndexStore.check(copy).isEmpty)
    }

    @Test func aLockHeldTooLongNamesWhatToCheck() throws {
        let folder = try TemporaryFolder()
        let url = try Self.indexWithOneDocument(folder)
        // An index that still needs a migration, so that opening it must write.
        try DatabaseQueue(path: url.path).writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-application-id'")
        }
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: url.path, configuration: holding)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
        }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        #expect { try IndexStore(url: url) } throws: { error in
            let text = "\(error)"
            return (error as? IndexProblem)?.kind == .locked && text.contains("another program")
                && text.contains(url.path)
        }
    }
}
