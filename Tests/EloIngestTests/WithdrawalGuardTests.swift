import EloClassification
import EloPipeline
import EloSettings
import Foundation
import Testing

/// A night on which the inbox is empty, missing or half there must not withdraw the index: the run stops before
/// changing anything (exit 1, a message naming the folder or region and what to do) unless `--allow-withdraw`.
@Suite(
    "mass withdrawal", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct WithdrawalGuardTests {
    /// Four Lappi documents and two Uusimaa ones, ingested once.
    static func ingestedFixture() throws -> IngestFixture {
        let fixture = try IngestFixture()
        for name in ["plan", "report", "memo", "minutes"] {
            try fixture.put("Lapin \(name)\n\nOhjauspalvelut Lapissa, asiakirja \(name).\n", at: "lappi/\(name).txt")
        }
        for name in ["plan", "report"] {
            try fixture.put(
                "Uudenmaan \(name)\n\nOhjaus Uudellamaalla, asiakirja \(name).\n", at: "uusimaa/\(name).txt")
        }
        let first = try fixture.ingest()
        #expect(first.status == 0, "\(first.stderr)")
        return fixture
    }

    /// Everything a run could have changed: the index's rows and the output folder's files.
    static func state(_ fixture: IngestFixture) throws -> [String] {
        let table = try fixture.database().read { db in
            try String.fetchAll(db, sql: "SELECT id || ':' || IFNULL(withdrawn_at, '-') FROM documents ORDER BY id")
                + String.fetchAll(
                    db,
                    sql: "SELECT path || ':' || last_seen || ':' || IFNULL(removed_at, '-') FROM files ORDER BY path")
                + String.fetchAll(db, sql: "SELECT id || ':' || outcome FROM runs ORDER BY id")
        }
        // (SQLite's -wal and -shm files come and go with connections; the lock file is left by every run)
        let files =
            FileManager.default.enumerator(atPath: fixture.output.path)?.compactMap { $0 as? String }
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") && !$0.hasSuffix(".lock") }.sorted() ?? []
        return table + files
    }

    @Test func emptyInboxLeavesEveryDocumentInPlace() throws {
        let fixture = try Self.ingestedFixture()
        let before = try Self.state(fixture)
        try FileManager.default.removeItem(at: fixture.inbox)
        try FileManager.default.createDirectory(at: fixture.inbox, withIntermediateDirectories: true)
        try fixture.put("", at: ".hidden")
        let run = try fixture.ingest()
        #expect(run.status == 1)
        #expect(run.stderr.contains(fixture.inbox.path) && run.stderr.contains("holds no documents"), "\(run.stderr)")
        #expect(run.stderr.contains("--allow-withdraw"))
        #expect(try Self.state(fixture) == before, "an empty inbox changed the index or the output folder")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM current_documents") == 6)
    }

    @Test(arguments: ["missing", "file"])
    func inboxThatIsNoFolderStopsTheRun(_ kind: String) throws {
        let fixture = try Self.ingestedFixture()
        let before = try Self.state(fixture)
        try FileManager.default.removeItem(at: fixture.inbox)
        if kind == "file" { try Data("not a folder".utf8).write(to: fixture.inbox) }
        let run = try fixture.ingest()
        #expect(run.status == 1)
        #expect(run.stderr.contains(fixture.inbox.path), "\(run.stderr)")
        #expect(run.stderr.contains(kind == "file" ? "is not a folder" : "does not exist"), "\(run.stderr)")
        #expect(run.stderr.contains("inbox:") && run.stderr.contains(fixture.pipeline.path), "names what to fix")
        #expect(try Self.state(fixture) == before)
        // --allow-withdraw does not make a missing inbox a withdrawal.
        #expect(try fixture.ingest(["--json", "--allow-withdraw"]).status == 1)
    }

    @Test func removingMostOfARegionStopsBeforeChangingAnything() throws {
        let fixture = try Self.ingestedFixture()
        for name in ["report", "memo", "minutes"] {
            try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("lappi/\(name).txt"))
        }
        try fixture.put("Uudenmaan uusi\n\nUusi asiakirja.\n", at: "uusimaa/new.txt")
        let before = try Self.state(fixture)
        let run = try fixture.ingest()
        #expect(run.status == 1)
        #expect(run.stderr.contains("3 of 4 current documents of region lappi (75%)"), "\(run.stderr)")
        #expect(run.stderr.contains("--allow-withdraw") && run.stderr.contains("withdraw_limit"))
        #expect(!run.stderr.contains("region uusimaa"))
        #expect(try Self.state(fixture) == before, "the stopped run changed the index or the output folder")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM documents WHERE withdrawn_at IS NOT NULL") == 0)

        let confirmed = try fixture.ingest(["--json", "--allow-withdraw"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.json?["withdrawn"] as? Int == 3)
        #expect(confirmed.json?["newDocuments"] as? Int == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM current_documents WHERE region = 'lappi'") == 1)
    }

    @Test func aFewRemovalsARaisedLimitOrMovedFilesPass() throws {
        let fixture = try Self.ingestedFixture()
        // Two of four (50%) is not more than the default limit.
        for name in ["memo", "minutes"] {
            try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("lappi/\(name).txt"))
        }
        let half = try fixture.ingest()
        #expect(half.status == 0, "\(half.stderr)")
        #expect(half.json?["withdrawn"] as? Int == 2)
        // Both of Uusimaa's documents is 100%: stopped at 50%, allowed at `withdraw_limit: 100%`.
        try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("uusimaa"))
        #expect(try fixture.ingest().status == 1)
        try fixture.writePipeline("withdraw_limit: 100%\n")
        let raised = try fixture.ingest()
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(raised.json?["withdrawn"] as? Int == 2)
        // Back at 50%: Lappi's two remaining documents moved to a renamed folder are no withdrawal.
        try fixture.writePipeline()
        try FileManager.default.moveItem(
            at: fixture.inbox.appendingPathComponent("lappi"), to: fixture.inbox.appendingPathComponent("lappi-2014"))
        let moved = try fixture.ingest()
        #expect(moved.status != 1, "\(moved.stderr)")
        #expect(moved.json?["withdrawn"] as? Int == 0)
        #expect(moved.json?["linked"] as? Int == 2)
    }

    @Test(arguments: [("0.25", 0.25), ("50%", 0.5), ("12.5 %", 0.125), ("1", 1.0), ("0", 0.0)])
    func withdrawLimitIsAFractionOrAPercentage(_ example: (String, Double)) throws {
        let file = try PipelineFile.parse(
            "inbox: in\noutput: out\nwithdraw_limit: \(example.0)\n", file: "p.yaml",
            folder: URL(fileURLWithPath: "/srv/elo/pipelines"))
        #expect(file.withdrawLimit == example.1)
        #expect(try IngestSettings(file).withdrawLimit == example.1)
    }

    @Test(arguments: ["150%", "2", "-0.1", "half", "[1]"])
    func badWithdrawLimitNamesFileLineAndForm(_ value: String) {
        do {
            _ = try PipelineFile.parse(
                "inbox: in\nwithdraw_limit: \(value)\n", file: "p.yaml", folder: URL(fileURLWithPath: "/srv"))
            Issue.record("`withdraw_limit: \(value)` was accepted")
        } catch {
            #expect("\(error)".contains("p.yaml:2"), "\(error)")
            #expect("\(error)".contains("50%"), "\(error)")
        }
    }

    @Test func defaultLimitIsHalf() throws {
        let file = try PipelineFile.parse(
            "inbox: in\noutput: out\n", file: "p.yaml", folder: URL(fileURLWithPath: "/srv"))
        #expect(file.withdrawLimit == nil)
        #expect(try IngestSettings(file).withdrawLimit == 0.5)
    }
}
