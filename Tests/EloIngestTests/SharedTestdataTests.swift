import EloPipeline
import Foundation
import GRDB
import Testing

/// Every PDF of ../shared/testdata/pdf (real, broken, scanned) in one run.
@Suite("elo ingest over ../shared/testdata", .enabled(if: IngestFixture.executable != nil, "elo binary not built"))
struct SharedTestdataTests {
    static let testdata = IngestFixture.repository.appendingPathComponent("../shared/testdata/pdf").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: testdata.path), "../shared/testdata absent: skipped"))
    func everyBadFileListedEveryGoodFileIndexed() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 60, cpu_seconds: 60, memory_mb: 2048}")
        var real: [String] = []
        var all: [String] = []
        for folder in ["real", "broken", "scanned"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: Self.testdata.appendingPathComponent(folder).path)
            for name in names.sorted() where name.hasSuffix(".pdf") {
                let target = fixture.inbox.appendingPathComponent("lappi/\(folder)/\(name)")
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    at: Self.testdata.appendingPathComponent("\(folder)/\(name)"), to: target)
                all.append("lappi/\(folder)/\(name)")
                if folder == "real" { real.append("lappi/\(folder)/\(name)") }
            }
        }
        let run = try fixture.ingest()
        #expect(run.status == 2, "\(run.stderr)")
        let attention = (run.json?["attention"] as? [[String: Any]]) ?? []
        let listed = Set(attention.map { $0["path"] as! String })
        let statuses = try fixture.database().read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT f.path, v.status FROM files f JOIN versions v ON v.id = f.version_id"
                )
                .map { ($0["path"] as String, $0["status"] as String) })
        }
        // Every file is in the index; every bad one (partial included: pages were lost) is listed with its
        // reason, no good one is.
        for path in all {
            let status = try #require(statuses[path], "\(path) not indexed")
            #expect((status == "ok") != listed.contains(path), "\(path): \(status)")
        }
        #expect(attention.allSatisfy { !($0["reason"] as! String).isEmpty })
        if WorkerReader.hasExtractor {
            for path in real { #expect(statuses[path] == "ok", "\(path)") }
            #expect(listed.contains("lappi/scanned/ocrmypdf__linn.pdf"))
        } else {
            print("note: this build has no PDF extractor yet; real PDFs are reported failed, not indexed as ok")
        }
        #expect(try fixture.database().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
