import EloSettings
import EloTestSupport
import Foundation
import GRDB
import Testing

@testable import EloPipeline

/// Versions of one document that arrive in the same run are read oldest first — by the sidecar's round,
/// then the version marker in the file name, then path; never by modification time — whichever reader
/// finishes first.
@Suite("version order within a run")
struct VersionOrderTests {
    static func job(_ path: String, mtime: Int64, round: String? = nil, type: String? = nil) -> IngestSteps.ReadJob {
        let sidecar = round.map { InboxFile.Sidecar(region: nil, round: $0, type: type, password: nil) }
        let file = InboxFile(
            url: URL(fileURLWithPath: "/inbox/\(path)"), relativePath: path, bytes: 1, mtimeNanoseconds: mtime,
            folderRegion: "lappi", sidecar: sidecar)
        return IngestSteps.ReadJob(file: file, sha256: path, password: nil)
    }

    @Test func versionsOfOneDocumentFormOneChainOrderedByTheirNamesNotTheirTimes() {
        let chains = IngestReadOrder.chains([
            Self.job("lappi/plan_v2.txt", mtime: 100),
            Self.job("lappi/plan (1).txt", mtime: 200),
            Self.job("lappi/plan.txt", mtime: 300),
            Self.job("lappi/raportti.txt", mtime: 50),
            Self.job("lappi/ohjelma_2015-03.txt", mtime: 1),
            Self.job("lappi/ohjelma_2014-10.txt", mtime: 2),
            Self.job("lappi/ohjelma uppdaterad.txt", mtime: 3),
        ])
        #expect(
            chains.map { $0.map(\.file.relativePath) } == [
                ["lappi/plan.txt", "lappi/plan (1).txt", "lappi/plan_v2.txt"], ["lappi/raportti.txt"],
                ["lappi/ohjelma_2014-10.txt", "lappi/ohjelma_2015-03.txt", "lappi/ohjelma uppdaterad.txt"],
            ], "a marker word outranks a date in the name; newer modification times do not matter")
    }

    @Test func theSidecarsRoundComesFirstAndPathBreaksTies() {
        let chains = IngestReadOrder.chains([
            Self.job("lappi/c.txt", mtime: 1, round: "2015", type: "plan"),
            Self.job("lappi/b.txt", mtime: 2, round: "2015", type: "plan"),
            Self.job("lappi/a.txt", mtime: 3, round: "2015", type: "plan"),
            Self.job("lappi/ohjelma_v10.txt", mtime: 1, round: "10"),
            Self.job("lappi/ohjelma_v9.txt", mtime: 9, round: "9"),
            Self.job("lappi/ohjelma.txt", mtime: 5),
        ])
        #expect(
            chains.map { $0.map(\.file.relativePath) } == [
                ["lappi/a.txt", "lappi/b.txt", "lappi/c.txt"],
                ["lappi/ohjelma.txt", "lappi/ohjelma_v9.txt", "lappi/ohjelma_v10.txt"],
            ], "rounds compare as numbers; a file without a round comes first")
    }

    @Test(.enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
    func theOlderVersionIsV1EvenWhenItsReaderFinishesLast() throws {
        let fixture = try IngestFixture(workers: 2)
        // The older file is slow to read (fault injection: 2 s); with two readers the newer one finishes first.
        let older = try fixture.put("Lapin suunnitelma\n\nEnsimmäinen versio.\n", at: "lappi/suunnitelma.slow.txt")
        try fixture.put("Lapin suunnitelma\n\nToinen versio.\n", at: "lappi/suunnitelma-uusi.txt")
        for name in ["suunnitelma.slow.txt", "suunnitelma-uusi.txt"] {
            try fixture.put("round: 2014\ntype: toimintasuunnitelma\n", at: "lappi/\(name).meta.yaml")
        }
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: older.path)
        let run = try fixture.ingest(["--json"], environment: FaultWorker.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json?["newDocuments"] as? Int == 1)
        #expect(run.json?["newVersions"] as? Int == 1)
        let numbers = try fixture.database().read { db in
            try Row.fetchAll(
                db, sql: "SELECT path, number, superseded_at IS NOT NULL AS old FROM versions ORDER BY number"
            )
            .map { "\($0["number"] as Int) \($0["path"] as String) \($0["old"] as Bool ? "superseded" : "current")" }
        }
        #expect(numbers == ["1 lappi/suunnitelma.slow.txt superseded", "2 lappi/suunnitelma-uusi.txt current"])
    }
}
