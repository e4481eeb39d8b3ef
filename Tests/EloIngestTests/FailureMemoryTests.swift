import EloPipeline
import EloTestSupport
import Foundation
import GRDB
import Testing

/// Only failures the content causes are remembered against it: a file that vanished or changed while it was
/// read is read again by the next run, a re-sent copy of a failed file is read again, and `--retry`,
/// `--retry-failed` force a reading.
@Suite(
    "failures that do not stick", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct FailureMemoryTests {
    static let textPDF = MiniPDFWriter(pages: [
        .text(["Lapin ELO-ryhmän suunnitelma", "Ohjauspalvelut ovat saavutettavia."])
    ]).data()

    /// `elo ingest` in this process, with `beforeReading` as the seam (the workers are the real `elo _worker`).
    static func ingest(_ fixture: IngestFixture, beforeReading: @escaping @Sendable (InboxFile) -> Void = { _ in })
        throws -> IngestSummary
    {
        var run = IngestRun(
            settings: try IngestSettings.load(fixture.pipeline), workerExecutable: IngestFixture.executable!)
        run.beforeReading = beforeReading
        return try run.run()
    }

    static func problems(_ items: [IngestSummary.AttentionItem]) -> Set<String> {
        Set(items.map { "\($0.path) \($0.problem)" })
    }

    @Test func aFileThatVanishesWhileReadIsReadByTheNextRun() throws {
        let fixture = try IngestFixture()
        let gone = try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/gone.txt")
        let aside = fixture.root.appendingPathComponent("aside.txt")
        let first = try Self.ingest(fixture) { file in
            if file.relativePath == "lappi/gone.txt" { try? FileManager.default.moveItem(at: gone, to: aside) }
        }
        #expect(Self.problems(first.attention) == ["lappi/gone.txt not-read"])
        #expect(first.attention.first?.reason.contains("vanished") == true)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 0, "nothing remembered against the content")

        // Back with the same size and modification time: read, not skipped as unchanged.
        try FileManager.default.moveItem(at: aside, to: gone)
        let second = try Self.ingest(fixture)
        #expect(second.newDocuments == 1 && second.attention.isEmpty)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok'") == 1)
    }

    @Test func aFileThatChangesWhileReadIsReadByTheNextRun() throws {
        let fixture = try IngestFixture()
        let growing = try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/growing.txt")
        let first = try Self.ingest(fixture) { file in
            guard file.relativePath == "lappi/growing.txt", let handle = try? FileHandle(forWritingTo: growing) else {
                return
            }
            handle.seekToEndOfFile()
            handle.write(Data("\nLoppuosa kopioitiin myöhemmin.\n".utf8))
            try? handle.close()
        }
        #expect(Self.problems(first.attention) == ["lappi/growing.txt not-read"])
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 0)
        let second = try Self.ingest(fixture)
        #expect(second.newDocuments == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM passages WHERE text LIKE '%Loppuosa%'") == 1)
    }

    @Test func aFailureTheContentCausesIsRememberedUntilReSentOrRetried() throws {
        let fixture = try IngestFixture()
        let broken = BrokenPDFs.truncated(Self.textPDF, fraction: 0.01)
        try fixture.folder.write(broken, to: "inbox/lappi/broken.pdf")
        let first = try fixture.ingest()
        #expect(AttentionTests.items(first, "attention").keys.contains("lappi/broken.pdf failed"))

        // Remembered: the next night does not read it again.
        let second = try fixture.ingest()
        #expect(AttentionTests.items(second, "attention").isEmpty)
        #expect(second.json?["unchanged"] as? Int == 1)

        // The region sends the same file again under another name: read again, not linked to the failure.
        try fixture.folder.write(broken, to: "inbox/lappi/broken-again.pdf")
        let third = try fixture.ingest()
        #expect(third.json?["linked"] as? Int == 0)
        #expect(Set(AttentionTests.items(third, "attention").keys) == ["lappi/broken-again.pdf failed"])

        let retried = try fixture.ingest(["--json", "--retry", "lappi/broken.pdf"])
        #expect(
            Set(AttentionTests.items(retried, "attention").keys) == ["lappi/broken.pdf failed"], "\(retried.stderr)")
        let all = try fixture.ingest(["--json", "--retry-failed"])
        // Both files hold one content: it is read once, the other file linked to that reading.
        #expect(Set(AttentionTests.items(all, "attention").keys) == ["lappi/broken-again.pdf failed"])
        #expect(all.json?["linked"] as? Int == 1)

        let outside = try fixture.ingest(["--json", "--retry", fixture.pipeline.path])
        #expect(outside.status == 1 && outside.stderr.contains("not in the inbox"), "\(outside.stderr)")
    }
}
