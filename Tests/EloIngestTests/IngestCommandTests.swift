import EloPipeline
import EloTestSupport
import Foundation
import GRDB
import Testing

/// End-to-end tests: the real `elo` binary, its worker processes and a real index.
@Suite(
    "elo ingest", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct IngestCommandTests {
    @Test func firstRunIndexesEverythingAndSecondRunSkipsWithoutReading() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        try fixture.put("Uudenmaan raportti\n\nUudenmaan ELO-ryhmä kokoontui kahdesti.\n", at: "report.txt")
        let first = try fixture.ingest()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.json?["newDocuments"] as? Int == 2)
        #expect((first.json?["workersStarted"] as? Int ?? 0) <= 2, "one long-lived worker per parallel reader")
        #expect(
            try fixture.scalar("SELECT COUNT(*) FROM documents WHERE region = 'uusimaa' AND region_source = 'text'")
                == 1)
        #expect(
            try fixture.scalar("SELECT COUNT(*) FROM documents WHERE region = 'lappi' AND region_source = 'folder'")
                == 1)

        // Unchanged files are not even read: make one unreadable, it must still count as unchanged.
        chmod(fixture.inbox.appendingPathComponent("report.txt").path, 0)
        defer { chmod(fixture.inbox.appendingPathComponent("report.txt").path, 0o644) }
        let second = try fixture.ingest()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.json?["unchanged"] as? Int == 2)
        #expect(second.json?["newDocuments"] as? Int == 0)
        let summaries = try FileManager.default.contentsOfDirectory(
            atPath: fixture.output.appendingPathComponent("runs").path)
        #expect(summaries.count == 2)
    }

    @Test func renamesDuplicatesVersionsAndWithdrawals() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nEnsimmäinen versio.\n", at: "lappi/plan.txt")
        try fixture.put("Lapin raportti\n\nRaportti.\n", at: "lappi/report.txt")
        try fixture.put("Lapin muistio\n\nMuistio.\n", at: "lappi/memo.txt")
        #expect(try fixture.ingest().status == 0)

        let fm = FileManager.default
        try fm.moveItem(
            at: fixture.inbox.appendingPathComponent("lappi/report.txt"),
            to: fixture.inbox.appendingPathComponent("lappi/raportti-2014.txt"))
        try fm.copyItem(
            at: fixture.inbox.appendingPathComponent("lappi/raportti-2014.txt"),
            to: fixture.inbox.appendingPathComponent("lappi/copy of report.txt"))
        try fixture.put("Lapin suunnitelma\n\nToinen, korjattu versio.\n", at: "lappi/plan.txt")
        try fm.removeItem(at: fixture.inbox.appendingPathComponent("lappi/memo.txt"))
        let run = try fixture.ingest()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json?["newDocuments"] as? Int == 0)
        #expect(run.json?["newVersions"] as? Int == 1)
        #expect(run.json?["linked"] as? Int == 2)
        #expect(run.json?["withdrawn"] as? Int == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM documents") == 3)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 4)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM current_documents") == 2)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE superseded_at IS NOT NULL") == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM documents WHERE withdrawn_at IS NOT NULL") == 1)
    }

    @Test func crashingHangingAndGreedyReadersFailTheirDocumentOnly() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 6, cpu_seconds: 2, memory_mb: 512}")
        try fixture.put("Lapin suunnitelma\n\nHyvä.\n", at: "lappi/good.txt")
        for name in ["x.hang.txt", "x.crash.txt", "x.hog.txt", "x.spin.txt"] {
            try fixture.put("Lapin \(name)\n\nteksti\n", at: "lappi/\(name)")
        }
        let run = try fixture.ingest(["--json"], environment: FaultWorker.environment)
        #expect(run.status == 2, "\(run.stderr)")
        let attention = (run.json?["attention"] as? [[String: Any]]) ?? []
        let reasons = Dictionary(
            uniqueKeysWithValues: attention.map { ($0["path"] as! String, $0["reason"] as! String) })
        #expect(reasons["lappi/x.hang.txt"]?.contains("timeout_seconds") == true)
        #expect(reasons["lappi/x.crash.txt"]?.contains("crashed") == true)
        #expect(reasons["lappi/x.hog.txt"]?.contains("memory") == true)
        #expect(
            reasons["lappi/x.spin.txt"].map { $0.contains("cpu_seconds") || $0.contains("timeout_seconds") } == true)
        #expect(reasons["lappi/good.txt"] == nil)
        // Each failure cost one worker process; the good document was read by a worker like any other.
        #expect((run.json?["workersStarted"] as? Int ?? 0) >= 4)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'failed'") == 4)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok'") == 1)
        let ids = try fixture.database().read { db in
            try String.fetchAll(db, sql: "SELECT diagnostics FROM versions WHERE status = 'failed'")
        }
        #expect(ids.allSatisfy { $0.contains("ingest.worker-") })
    }

    @Test func ownBrokenFixturesAndUnassignedRegionNeedAttention() throws {
        let fixture = try IngestFixture()
        try fixture.folder.write(Data(), to: "inbox/lappi/empty.pdf")
        try fixture.folder.write(Data("%PDF-1.4\n1 0 obj garbage".utf8), to: "inbox/lappi/truncated.pdf")
        try fixture.put("Nothing about any place.\n", at: "loose.txt")
        try fixture.put("region: [unclosed\n", at: "lappi/empty.pdf.meta.yaml")
        let run = try fixture.ingest(["--json"])
        #expect(run.status == 2)
        let attention = (run.json?["attention"] as? [[String: Any]]) ?? []
        let problems = Set(attention.map { "\($0["path"] as! String) \($0["problem"] as! String)" })
        #expect(problems.contains("lappi/empty.pdf failed"))
        #expect(problems.contains("lappi/truncated.pdf failed"))
        #expect(problems.contains("loose.txt unassigned-region"))
        #expect(problems.contains("lappi/empty.pdf.meta.yaml bad-sidecar"))
        #expect(attention.allSatisfy { !($0["action"] as! String).isEmpty })
        // Plain output lists the same documents with what to do.
        let plain = try fixture.ingest([])
        #expect(plain.status == 2 || plain.status == 0)
    }

    @Test func secondRunExits75NamingTheHolderAndWaitWaits() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n", at: "lappi/a.txt")
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let lock = try RunLock(url: fixture.output.appendingPathComponent(".elo-ingest.lock"), wait: false)
        let blocked = try fixture.ingest([])
        #expect(blocked.status == 75)
        #expect(blocked.stderr.contains("process \(getpid())"))
        #expect(!FileManager.default.fileExists(atPath: fixture.index.path))

        let waiting = try fixture.start(["--wait"])
        try waiting.run()
        Thread.sleep(forTimeInterval: 1)
        #expect(waiting.isRunning)
        lock.release()
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
    }

    @Test func staleLockFromADeadProcessDoesNotBlock() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n", at: "lappi/a.txt")
        try fixture.folder.write(Data("999999\n".utf8), to: "out/.elo-ingest.lock")
        #expect(try fixture.ingest().status == 0)
    }

    @Test(arguments: [
        ("inbox: ../inbox\noutput: ../out\nworkers: many\n", "test.yaml:3"),
        ("inbox: ../inbox\noutput: ../out\nlimits: {memory_mb: 5}\n", "test.yaml:3"),
        ("inbox: ../inbox\noutput: ../out\nlimits: {documents_per_worker: -1}\n", "documents_per_worker"),
        ("inbox: ../inbox\noutput: ../out\nlimits: {recycle: 5}\n", "documents_per_worker"),
        ("inbox: ../inbox\noutput: ../out\nocr: sometimes\n", "test.yaml:3"),
        ("inbox: ../inbox\noutput: ../out\nocr: {mode: auto, dpi: 600}\n", "ocr.dpi"),
        ("inbox: ../inbox\n", "output"),
        ("inbox: ../inbox\noutput: ../out\nworker: 2\n", "test.yaml:3: pipeline: unknown key 'worker'"),
        (
            "inbox: ../inbox\noutput: ../out\ncoverage: {weak: {passages: 1, score: 0.9}}\n",
            "coverage.weak.score must not exceed"
        ),
        ("inbox: ../inbox\noutput: /proc/elo-cannot-write\n", "not writable"),
    ])
    func badConfigurationExits1BeforeTouchingTheIndex(yaml: String, message: String) throws {
        let fixture = try IngestFixture()
        try fixture.folder.write(Data(yaml.utf8), to: "pipelines/test.yaml")
        let run = try fixture.ingest([])
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.index.path))
    }
}
