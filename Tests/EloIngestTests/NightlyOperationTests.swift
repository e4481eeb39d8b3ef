import EloClassification
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// What the people who run the nightly job rely on: a log line that says which night and which run, run
/// summaries that do not fill the disk (`keep_runs`), and permission errors that say what to do.
@Suite(.serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built"))
struct NightlyOperationTests {
    static func fixture(_ extra: String = "") throws -> IngestFixture {
        let fixture = try IngestFixture()
        try fixture.writePipeline(extra)
        try fixture.put("Lapin ELO-ryhmän toimintasuunnitelma.\n\nOhjauspalvelut kehittyvät.\n", at: "lappi/plan.txt")
        return fixture
    }

    func summaries(_ fixture: IngestFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.output.appendingPathComponent("runs").path)
            .filter { $0.hasPrefix("run-") }.sorted()
    }

    @Test func runSummariesBeyondKeepRunsAreDeletedOldestFirst() throws {
        let fixture = try Self.fixture("keep_runs: 2\n")
        try fixture.folder.write(Data("kept\n".utf8), to: "out/runs/notes.txt")
        for night in 1...4 {
            let run = try fixture.ingest()
            #expect(run.status == 0, "night \(night): \(run.stderr)")
        }
        let kept = try summaries(fixture)
        #expect(kept.count == 2, "\(kept)")
        #expect(
            kept.map { $0.hasSuffix("-3.json") || $0.hasSuffix("-4.json") } == [true, true],
            "the newest are kept: \(kept)")
        #expect(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("runs/notes.txt").path))
    }

    @Test func keepRunsDefaultsTo400AndMustBeAWholeNumber() throws {
        let folder = URL(fileURLWithPath: "/srv/elo/pipelines")
        let plain = try PipelineFile.parse("inbox: in\noutput: out\n", file: "p.yaml", folder: folder)
        #expect(try IngestSettings(plain).keepRuns == 400)
        let given = try PipelineFile.parse("inbox: in\noutput: out\nkeep_runs: 30\n", file: "p.yaml", folder: folder)
        #expect(try IngestSettings(given).keepRuns == 30)
        #expect(throws: ConfigurationError.self) {
            try PipelineFile.parse("inbox: in\noutput: out\nkeep_runs: 0\n", file: "p.yaml", folder: folder)
        }
    }

    @Test func theSummaryLineStartsWithTheDateAndTheRunID() throws {
        let fixture = try Self.fixture()
        let run = try fixture.ingest([])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(
            line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z run 1 elo ingest: 1 files, .*/) != nil,
            "\(line)")
    }

    @Test func anOutputFolderTheJobMayNotWriteNamesThePathAndTheFix() throws {
        let fixture = try Self.fixture()
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: fixture.output.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.output.path) }
        let run = try Self.ingestAsUnprivilegedUser(fixture)
        #expect(run.status == 1)
        #expect(run.stderr.contains(fixture.output.path), "\(run.stderr)")
        #expect(run.stderr.contains("give that user write access, e.g. `sudo chown -R"), "\(run.stderr)")
    }

    @Test func anotherRunHoldingTheLockExits75WithJSON() throws {
        let fixture = try Self.fixture()
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        let lock = open(fixture.output.appendingPathComponent(IngestRun.lockFileName).path, O_RDWR | O_CREAT, 0o644)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        let run = try fixture.ingest(["--json"])
        #expect(run.status == 75)
        #expect(run.json?["exit"] as? Int == 75, "\(run.stdout)")
        #expect((run.json?["error"] as? String)?.contains("another elo ingest is running") == true, "\(run.stdout)")
    }

    @Test func theSystemdUnitTreatsALockedNightAsSkippedAndAlertsOnOneAndTwo() throws {
        let deploy = IngestFixture.repository.appendingPathComponent("deploy")
        let service = try String(contentsOf: deploy.appendingPathComponent("elo-ingest.service"), encoding: .utf8)
        let settings = service.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(settings.contains("SuccessExitStatus=75"), "75 (another run holds the lock) is a skipped night")
        #expect(!settings.contains { $0.hasPrefix("SuccessExitStatus=") && $0.contains(" 2") }, "2 needs someone")
        let onFailure = try #require(settings.first { $0.hasPrefix("OnFailure=") })
        #expect(onFailure == "OnFailure=elo-notify@%n.service")
        let notify = try String(contentsOf: deploy.appendingPathComponent("elo-notify@.service"), encoding: .utf8)
        #expect(notify.contains("| mail -s"))
        let crontab = try String(contentsOf: deploy.appendingPathComponent("crontab"), encoding: .utf8)
        let job = try #require(crontab.split(separator: "\n").first { $0.hasPrefix("30 2 ") })
        #expect(job.contains("[ $status -eq 0 ] || {") && !job.contains("%"), "mails on any non-zero status: \(job)")
        let logrotate = try String(contentsOf: deploy.appendingPathComponent("logrotate-elo"), encoding: .utf8)
        #expect(logrotate.contains("/var/log/elo/*.log {"))
    }

    /// Runs `elo ingest` as a user the permissions apply to: root reads and writes everything, so as root the
    /// run is made as `nobody` (setpriv).
    static func ingestAsUnprivilegedUser(_ fixture: IngestFixture) throws -> IngestFixture.Result {
        let process = Process()
        let arguments = ["ingest", "--pipeline", fixture.pipeline.path]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments =
                ["--reuid=65534", "--regid=65534", "--clear-groups", IngestFixture.executable!.path] + arguments
        } else {
            process.executableURL = IngestFixture.executable
            process.arguments = arguments
        }
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
}
