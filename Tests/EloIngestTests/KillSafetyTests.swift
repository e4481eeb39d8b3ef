import Foundation
import GRDB
import Testing

/// `kill -9` of a real ingest run at random moments, many times: the index must stay consistent and the next
/// run must finish the work with nothing lost and nothing counted twice.
@Suite(
    "elo ingest survives kill -9", .serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built"))
struct KillSafetyTests {
    static let documents = 150

    static func populate(_ fixture: IngestFixture) throws {
        for number in 0..<documents {
            let region = number % 3 == 0 ? "lappi" : "uusimaa"
            var text = "Asiakirja \(number)\n\n"
            for paragraph in 0..<(3 + number % 5) {
                text += "Kappale \(paragraph) ohjauspalveluista, numero \(number).\n\n"
            }
            try fixture.put(text, at: "\(region)/doc-\(number).txt")
        }
        // Duplicates of earlier documents: must never become documents of their own.
        try fixture.put(
            try String(contentsOf: fixture.inbox.appendingPathComponent("lappi/doc-0.txt"), encoding: .utf8),
            at: "lappi/doc-0 copy.txt")
        try fixture.put(
            try String(contentsOf: fixture.inbox.appendingPathComponent("uusimaa/doc-1.txt"), encoding: .utf8),
            at: "uusimaa/doc-1-dup.txt")
    }

    @Test func killedAtRandomPointsManyTimesThenFinished() throws {
        let fixture = try IngestFixture(workers: 2)
        try Self.populate(fixture)
        // Reference: an uninterrupted run of the same inbox into another folder.
        let referenceOutput = fixture.root.appendingPathComponent("reference")
        let referenceStarted = Date()
        #expect(try fixture.ingest(["--output", referenceOutput.path]).status == 0)
        // Kill moments spread over a whole run, however fast the machine and the workers are.
        let runTime = max(0.2, Date().timeIntervalSince(referenceStarted))
        let reference = try DatabaseQueue(path: referenceOutput.appendingPathComponent("index.sqlite").path).read {
            db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.sha256, COUNT(p.id) AS n FROM versions v LEFT JOIN passages p ON p.version_id = v.id GROUP BY v.id
                        """
                ).map { ($0["sha256"] as String, $0["n"] as Int) })
        }
        #expect(reference.count == Self.documents)
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        // Distinct numbers of committed documents seen after a kill: kills must land between commits.
        var partial = Set<Int>()
        for round in 0..<14 {
            let process = try fixture.start()
            try process.run()
            if round % 2 == 0 {
                // At a random moment: start-up, reading, mid-transaction, reports.
                let delay = Double.random(in: 0.02...(0.02 + runTime * 0.6), using: &generator)
                Thread.sleep(forTimeInterval: delay)
            } else {
                // Once a random number of documents is in: however fast the machine, the kill lands among
                // the commits (and, between two polls, possibly inside one).
                let target = Int.random(in: 1..<Self.documents, using: &generator)
                while process.isRunning, ((try? Self.committed(fixture)) ?? 0) < target {
                    Thread.sleep(forTimeInterval: 0.002)
                }
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: fixture.index.path) {
                try Self.checkConsistent(fixture, reference: reference, complete: false)
                // no table: killed while migrating
                let committed = (try? fixture.scalar("SELECT COUNT(*) FROM documents")) ?? 0
                if committed > 0 && committed < Self.documents { partial.insert(committed) }
            }
        }
        #expect(kills >= 3, "the runs finished too fast to be killed mid-way")
        #expect(!partial.isEmpty, "no kill landed while documents were being committed: \(partial)")
        let final = try fixture.ingest()
        #expect(final.status == 0, "\(final.stderr)")
        try Self.checkConsistent(fixture, reference: reference, complete: true)
        print(
            "kill -9 test: \(kills) runs killed, \(partial.count) distinct part-way states \(partial.sorted()), final run completed the index"
        )
    }

    /// Documents committed so far, read while a run may be writing (0 before the table exists).
    static func committed(_ fixture: IngestFixture) throws -> Int {
        guard FileManager.default.fileExists(atPath: fixture.index.path) else { return 0 }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: fixture.index.path, configuration: configuration)
        return try queue.read { db in
            try db.tableExists("documents") ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0 : 0
        }
    }

    static func checkConsistent(_ fixture: IngestFixture, reference: [String: Int], complete: Bool) throws {
        let db = try fixture.database()
        // Killed after the index file was created but before its first migration committed: an empty file,
        // which the next run migrates. Nothing was committed, so there is nothing else to check.
        let migrated = try db.read { db in try db.tableExists("grdb_migrations") && db.tableExists("passages_fts") }
        if !migrated && !complete {
            #expect(
                try db.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'")
                } == 0)
            return
        }
        try db.writeWithoutTransaction { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            // Throws SQLITE_CORRUPT_VTAB when the full-text index disagrees with the passages.
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')")
        }
        // Run counters were bumped in the same transactions as the rows they count.
        let (documents, counted) = try db.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents")!,
                try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(new_documents), 0) FROM runs")!
            )
        }
        #expect(documents == counted)
        // Every committed version is complete: as many passages as in the uninterrupted reference run.
        let rows = try db.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.sha256, v.path, COUNT(p.id) AS passages FROM versions v LEFT JOIN passages p ON p.version_id = v.id GROUP BY v.id
                    """)
        }
        for row in rows {
            #expect(row["passages"] as Int == reference[row["sha256"] as String], "\(row["path"] as String)")
        }
        #expect(documents <= Self.documents)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM versions") } == documents)
        if complete {
            #expect(documents == Self.documents)
            #expect(
                try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files WHERE removed_at IS NULL") }
                    == Self.documents + 2)
            #expect(
                try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE outcome = 'running'") }
                    == 0)
        }
    }
}
