import EloPipeline
import Foundation
import GRDB
import Testing

/// SIGTERM and SIGINT stop a run between documents: what was committed stays, the run is `interrupted`, the lock
/// is released, and the next run reads the rest.
@Suite(
    "graceful stop", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct GracefulStopTests {
    static func fill(_ fixture: IngestFixture, count: Int) throws {
        for number in 1...count {
            try fixture.put(
                "Lapin suunnitelma \(number)\n\nOhjauspalvelut Lapissa, osa \(number).\n",
                at: "lappi/plan-\(number).txt")
        }
    }

    @Test func aStopAskedWhileReadingEndsTheRunAsInterrupted() throws {
        let fixture = try IngestFixture(workers: 1)
        try Self.fill(fixture, count: 8)
        let run = IngestRun(
            settings: try IngestSettings.load(fixture.pipeline), workerExecutable: IngestFixture.executable!)
        let stop = run.stop
        var seam = run
        seam.beforeReading = { file in if file.relativePath == "lappi/plan-4.txt" { stop.request(SIGTERM) } }
        let summary = try seam.run()
        #expect(summary.outcome == "interrupted")
        #expect(summary.exitCode == 143)
        #expect(summary.newDocuments < 8)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM runs WHERE outcome = 'interrupted'") == 1)
        // The lock is released and nothing was remembered against what was not committed.
        let next = try fixture.ingest()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.json?["newDocuments"] as? Int == 8 - summary.newDocuments)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func theSignalStopsTheBinaryWithinSeconds(signal: Int32, status: Int32) throws {
        let fixture = try IngestFixture()
        try Self.fill(fixture, count: 600)
        let process = try fixture.start()
        let err = Pipe()
        process.standardError = err
        try process.run()
        usleep(700_000)
        let asked = Date()
        kill(process.processIdentifier, signal)
        let log = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(asked) < 5)
        #expect(process.terminationStatus == status)
        #expect(
            String(decoding: log, as: UTF8.self).split(separator: "\n").filter { $0.contains("stopped by") }.count == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM runs WHERE outcome = 'interrupted'") == 1)
        let committed = try fixture.scalar("SELECT COUNT(*) FROM versions")
        #expect(committed < 600)
        let next = try fixture.ingest()
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.json?["newDocuments"] as? Int == 600 - committed)
    }
}
