import EloSettings
import EloTestSupport
import Foundation
import GRDB
import Testing

/// Which version of a document is current: the newest by what the documents say (`VersionOrder`), never by
/// file modification time (a `git clone` resets it); a newer version that cannot be read waits beside a
/// readable current one; a document waiting for a password is not read again until the password changes.
@Suite("current version")
struct CurrentVersionTests {
    static let ready = IngestFixture.executable != nil
    static let plan = "Lapin ELO-ryhmän toimintasuunnitelma\n\nOhjauspalvelut ovat kaikkien saatavilla.\n"
    static let planV2 = "Lapin ELO-ryhmän toimintasuunnitelma (päivitetty)\n\nOhjaamo avataan Rovaniemellä.\n"

    /// (path, current?, order reason) of every version, oldest first.
    static func versions(_ fixture: IngestFixture) throws -> [String] {
        try fixture.database().read { db in
            try Row.fetchAll(
                db, sql: "SELECT path, is_current, order_reason FROM document_versions ORDER BY document_id, version"
            )
            .map {
                "\($0["path"] as String) \($0["is_current"] as Bool ? "current" : "-") \($0["order_reason"] as String? ?? "?")"
            }
        }
    }

    static func setModified(_ fixture: IngestFixture, _ path: String, daysAgo: Double) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)],
            ofItemAtPath: fixture.inbox.appendingPathComponent(path).path)
    }

    @Test(.enabled(if: ready, "elo binary not built (swift build --build-tests)"))
    func aV2FileOlderOnDiskThanItsOriginalIsStillCurrent() throws {
        let fixture = try IngestFixture()
        try fixture.put(Self.planV2, at: "lappi/suunnitelma_2014-v2.txt")
        try fixture.put(Self.plan, at: "lappi/suunnitelma_2014.txt")
        // As after a `git clone`: the second version happens to be the older file on disk.
        try Self.setModified(fixture, "lappi/suunnitelma_2014-v2.txt", daysAgo: 2)
        try Self.setModified(fixture, "lappi/suunnitelma_2014.txt", daysAgo: 1)
        let run = try fixture.ingest()
        #expect(run.status == 0, "\(run.stderr)")
        let expected = [
            "lappi/suunnitelma_2014.txt - oldest",
            "lappi/suunnitelma_2014-v2.txt current after v1: version marker 2 in the file name",
        ]
        #expect(try Self.versions(fixture) == expected)

        // The times turned round again (another clone, a copy): nothing is read, nothing flips.
        try Self.setModified(fixture, "lappi/suunnitelma_2014-v2.txt", daysAgo: 0)
        try Self.setModified(fixture, "lappi/suunnitelma_2014.txt", daysAgo: 3)
        let again = try fixture.ingest()
        #expect(again.json?["newVersions"] as? Int == 0)
        #expect(try Self.versions(fixture) == expected)
    }

    @Test(.enabled(if: ready, "elo binary not built (swift build --build-tests)"))
    func aSidecarRoundCorrectsTheOrder() throws {
        let fixture = try IngestFixture()
        try fixture.put(Self.plan, at: "lappi/suunnitelma.txt")
        try fixture.put(Self.planV2, at: "lappi/suunnitelma_v2.txt")
        #expect(try fixture.ingest().status == 0)
        #expect(try Self.versions(fixture).last?.hasPrefix("lappi/suunnitelma_v2.txt current") == true)
        // The region says the unmarked file is the later round.
        try fixture.put("round: 2015\n", at: "lappi/suunnitelma.txt.meta.yaml")
        try fixture.put("round: 2014\n", at: "lappi/suunnitelma_v2.txt.meta.yaml")
        #expect(try fixture.ingest().status == 0)
        #expect(
            try Self.versions(fixture) == [
                "lappi/suunnitelma_v2.txt - oldest",
                "lappi/suunnitelma.txt current after v1: sidecar round 2015 > 2014",
            ])
    }

    @Test(.enabled(if: ready, "elo binary not built (swift build --build-tests)"))
    func aNewerVersionThatFailsWaitsBesideTheReadableOne() throws {
        let fixture = try IngestFixture()
        try fixture.put(Self.plan, at: "lappi/suunnitelma.txt")
        #expect(try fixture.ingest().status == 0)
        try fixture.folder.write(BrokenPDFs.garbage(), to: "inbox/lappi/suunnitelma_v2.pdf")
        let failed = try fixture.ingest()
        #expect(failed.status == 2)
        #expect(AttentionTests.items(failed, "attention")["lappi/suunnitelma_v2.pdf failed"] != nil)
        #expect(
            try Self.versions(fixture) == [
                "lappi/suunnitelma.txt current oldest",
                "lappi/suunnitelma_v2.pdf - after v1: version marker 2 in the file name",
            ])
        let waiting = try fixture.ingest()
        #expect(waiting.status == 2)
        #expect(AttentionTests.items(waiting, "stillWaiting")["lappi/suunnitelma_v2.pdf failed"] != nil)
    }

    @Test(.enabled(if: ready && QPDF.executable != nil, "elo binary or qpdf missing: skipped"))
    func aWrongPasswordIsNotTriedAgainEveryRun() throws {
        let fixture = try IngestFixture()
        let plain = try fixture.folder.write(AttentionTests.textPDF, to: "plain.pdf")
        let locked = fixture.inbox.appendingPathComponent("lappi/lukittu.pdf")
        try FileManager.default.createDirectory(
            at: locked.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try #require(QPDF.encrypt(plain, to: locked, user: "oikea", owner: "omistaja"))
        try fixture.put("password: väärä\n", at: "lappi/lukittu.pdf.meta.yaml")
        #expect(AttentionTests.items(try fixture.ingest(), "attention")["lappi/lukittu.pdf needs-password"] != nil)
        let again = try fixture.ingest()
        #expect(again.json?["unchanged"] as? Int == 1, "the same wrong password: not read again")
        #expect(AttentionTests.items(again, "stillWaiting")["lappi/lukittu.pdf needs-password"] != nil)
        try fixture.put("password: oikea\n", at: "lappi/lukittu.pdf.meta.yaml")
        let fixed = try fixture.ingest()
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok'") == 1)
    }
}
