import EloPipeline
import Foundation
import GRDB
import Testing

/// `elo ingest` refuses an index it must not write into, and `elo check`, `elo backup`, `elo rebuild-search`
/// look after it; inbox and output stay apart.
@Suite(
    "Index integrity", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct IndexIntegrityTests {
    static func elo(_ arguments: [String]) throws -> IngestFixture.Result {
        let process = Process()
        process.executableURL = IngestFixture.executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func ingestRefusesAnUnrelatedDatabaseAndLeavesItUntouched() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try DatabaseQueue(path: fixture.index.path).write { db in
            try db.execute(sql: "CREATE TABLE budget (year INTEGER)")
        }
        let before = FileManager.default.contents(atPath: fixture.index.path)
        let result = try fixture.ingest()
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("not an elo index") && result.stderr.contains(fixture.index.path), "\(result.stderr)"
        )
        #expect(FileManager.default.contents(atPath: fixture.index.path) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("runs").path))
    }

    @Test func ingestRefusesAnEmptyIndexFile() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n", at: "lappi/plan.txt")
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try Data().write(to: fixture.index)
        let result = try fixture.ingest()
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("0 bytes") && result.stderr.contains("mv \(fixture.index.path)"), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: fixture.index.path)?.count == 0)
    }

    @Test func checkBackupAndRebuildSearchLookAfterTheIndex() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        #expect(try fixture.ingest().status == 0)
        let healthy = try Self.elo(["check", "--pipeline", fixture.pipeline.path])
        #expect(healthy.status == 0 && healthy.stdout.contains("healthy"), "\(healthy.stderr)")

        let copy = fixture.root.appendingPathComponent("backup/index-copy.sqlite")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        let backup = try Self.elo(["backup", "--output", fixture.output.path, copy.path])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try Self.elo(["check", "--index", copy.path]).status == 0)
        // One self-contained file: readable where nothing can be written, and reading it writes nothing.
        let mode = try DatabaseQueue(path: copy.path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: copy.deletingLastPathComponent().path) == [
                "index-copy.sqlite"
            ])

        // A passage the search index never saw.
        try fixture.database().write { db in
            try db.execute(
                sql:
                    "INSERT INTO passages (version_id, page, idx, kind, language, text, base_text) VALUES (1, 9, 0, 'paragraph', 'fi', 'orpo', 'orpo')"
            )
        }
        let damaged = try Self.elo(["check", "--output", fixture.output.path])
        #expect(
            damaged.status == 1 && damaged.stdout.contains("passages_fts") && damaged.stdout.contains("rebuild-search"))
        let refused = try fixture.ingest()
        #expect(refused.status == 1 && refused.stderr.contains("damaged"), "\(refused.stderr)")
        let rebuilt = try Self.elo(["rebuild-search", "--output", fixture.output.path])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try Self.elo(["check", "--output", fixture.output.path]).status == 0)
        #expect(try fixture.ingest().status == 0)
    }

    @Test(arguments: ["inside", "same", "contains"])
    func outputAndInboxMustBeApart(_ relation: String) throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n", at: "lappi/plan.txt")
        let arguments: [String]
        var untouched = fixture.inbox.appendingPathComponent("out")
        switch relation {
        case "inside": arguments = ["--output", untouched.path]
        case "same":
            arguments = ["--output", fixture.inbox.path]
            untouched = fixture.inbox.appendingPathComponent("index.sqlite")
        default:
            let inbox = fixture.output.appendingPathComponent("inbox")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            arguments = ["--inbox", inbox.path]
            untouched = fixture.output.appendingPathComponent("index.sqlite")
        }
        let result = try fixture.ingest(arguments)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(fixture.pipeline.path) && result.stderr.contains("apart from the inbox"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: untouched.path), "nothing written")
    }
}
