import EloExtraction
import EloPipeline
import EloTestSupport
import Foundation
import GRDB
import Testing

/// Documents that need someone to act are listed by every run until they are fixed or removed — not only by
/// the run that read them — and documents fixed by the action asked for are read again.
@Suite(
    "documents that need attention", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct AttentionTests {
    static func items(_ result: IngestFixture.Result, _ key: String) -> [String: [String: Any]] {
        let list = (result.json?[key] as? [[String: Any]]) ?? []
        return Dictionary(
            list.map { ("\($0["path"] as! String) \($0["problem"] as! String)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    static let textPDF = MiniPDFWriter(pages: [
        .text(["Lapin ELO-ryhmän suunnitelma", "Ohjauspalvelut ovat saavutettavia."])
    ]).data()

    @Test func stillWaitingIsListedByEveryRunUntilFixedOrRemoved() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        try fixture.folder.write(BrokenPDFs.truncated(Self.textPDF, fraction: 0.01), to: "inbox/lappi/broken.pdf")
        try fixture.put("Nothing about any place.\n", at: "loose.txt")
        let first = try fixture.ingest()
        #expect(first.status == 2, "\(first.stderr)")
        #expect(Set(Self.items(first, "attention").keys) == ["lappi/broken.pdf failed", "loose.txt unassigned-region"])
        #expect(Self.items(first, "stillWaiting").isEmpty)

        // A night with nothing new still lists both, with the date they have been waiting since, and exits 2.
        let second = try fixture.ingest()
        #expect(second.status == 2, "a cron user who missed the first night must hear again")
        #expect(second.json?["outcome"] as? String == "needs-attention")
        #expect(second.json?["unchanged"] as? Int == 3)
        #expect(Self.items(second, "attention").isEmpty, "nothing was read this run")
        let waiting = Self.items(second, "stillWaiting")
        #expect(Set(waiting.keys) == ["lappi/broken.pdf failed", "loose.txt unassigned-region"])
        let firstStart = try #require(first.json?["startedAt"] as? String)
        let secondStart = try #require(second.json?["startedAt"] as? String)
        for item in waiting.values {
            let since = try #require(item["since"] as? String)
            #expect(since >= firstStart && since <= secondStart, "\(since)")
            #expect(!(item["action"] as? String ?? "").isEmpty)
            #expect(!(item["reason"] as? String ?? "").isEmpty)
        }
        #expect(
            waiting["loose.txt unassigned-region"]?["action"] as? String
                == "move it to inbox/<region-id>/ or add loose.txt.meta.yaml with `region: <region-id>`")
        // The run summary file says the same.
        let summaries = try FileManager.default.contentsOfDirectory(
            at: fixture.output.appendingPathComponent("runs"), includingPropertiesForKeys: nil)
        let latest = try #require(
            summaries.first { $0.lastPathComponent.hasSuffix("-\(second.json?["run"] as? Int ?? -1).json") })
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: latest)) as? [String: Any]
        #expect((file?["stillWaiting"] as? [[String: Any]])?.count == 2)

        // Plain output: the one-line summary, then the waiting documents under their own heading.
        let plain = try fixture.ingest([])
        #expect(plain.status == 2)
        #expect(plain.stdout.contains("2 still waiting from earlier runs"), "\(plain.stdout)")
        #expect(plain.stdout.contains("Still waiting from earlier runs:"))
        #expect(!plain.stdout.contains("Needs attention:"), "nothing new needs attention")
        #expect(
            plain.stdout.contains("lappi/broken.pdf: failed, still waiting since \(firstStart.prefix(10))"),
            "\(plain.stdout)")

        // Following the actions ends the waiting: the broken file is removed, the loose one gets a sidecar.
        try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("lappi/broken.pdf"))
        try fixture.put("region: uusimaa\n", at: "loose.txt.meta.yaml")
        let fixed = try fixture.ingest()
        #expect(fixed.status == 0, "\(fixed.stdout)")
        #expect(Self.items(fixed, "stillWaiting").isEmpty)
        #expect(fixed.json?["withdrawn"] as? Int == 1)
        #expect(
            try fixture.scalar("SELECT COUNT(*) FROM documents WHERE region = 'uusimaa' AND region_source = 'sidecar'")
                == 1)
        #expect(try fixture.ingest().status == 0, "and it stays quiet")
    }

    @Test func aFileMovedIntoItsRegionFolderIsNoLongerUnassigned() throws {
        let fixture = try IngestFixture()
        try fixture.put("Nothing about any place.\n", at: "loose.txt")
        #expect(try fixture.ingest().status == 2)
        try FileManager.default.createDirectory(
            at: fixture.inbox.appendingPathComponent("lappi"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: fixture.inbox.appendingPathComponent("loose.txt"),
            to: fixture.inbox.appendingPathComponent("lappi/loose.txt"))
        let moved = try fixture.ingest()
        #expect(moved.status == 0, "\(moved.stdout)")
        #expect(moved.json?["linked"] as? Int == 1, "a move is not read again")
        #expect(
            try fixture.scalar("SELECT COUNT(*) FROM documents WHERE region = 'lappi' AND region_source = 'folder'")
                == 1)
    }

    @Test func partialDocumentsNeedAttentionWithTheReason() throws {
        let fixture = try IngestFixture()
        try fixture.folder.write(BrokenPDFs.pageTreeLoop(text: "Lapin suunnitelma"), to: "inbox/lappi/loop.pdf")
        let first = try fixture.ingest()
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'partial'") == 1)
        #expect(first.status == 2, "a document with lost pages needs attention")
        let item = try #require(Self.items(first, "attention")["lappi/loop.pdf partial"])
        #expect((item["reason"] as? String)?.contains("could not be read") == true, "\(item)")
        #expect((item["action"] as? String)?.contains("complete copy") == true)
        #expect(try fixture.scalar("SELECT needs_attention FROM runs ORDER BY id DESC LIMIT 1") == 1)
        let second = try fixture.ingest()
        #expect(second.status == 2)
        #expect(Self.items(second, "stillWaiting")["lappi/loop.pdf partial"] != nil)
    }

    @Test(.enabled(if: QPDF.executable != nil, "qpdf not installed: skipped"))
    func aPasswordGivenLaterReadsTheUnchangedFileAgain() throws {
        let fixture = try IngestFixture()
        let plain = try fixture.folder.write(Self.textPDF, to: "plain.pdf")
        for path in ["lappi/by-sidecar.pdf", "lappi/by-pipeline.pdf"] {
            let target = fixture.inbox.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try #require(QPDF.encrypt(plain, to: target, user: "avain-\(path.count)", owner: "omistaja"))
        }
        let first = try fixture.ingest()
        #expect(first.status == 2)
        #expect(
            Set(Self.items(first, "attention").keys) == [
                "lappi/by-pipeline.pdf needs-password", "lappi/by-sidecar.pdf needs-password",
            ])
        #expect(Set(Self.items(try fixture.ingest(), "stillWaiting").keys).count == 2)

        // A wrong password: read again, still needs-password, and the line says the password is wrong.
        try fixture.put("password: väärä\n", at: "lappi/by-sidecar.pdf.meta.yaml")
        let wrong = try fixture.ingest()
        #expect(wrong.status == 2)
        let wrongItem = try #require(Self.items(wrong, "attention")["lappi/by-sidecar.pdf needs-password"])
        #expect((wrongItem["action"] as? String)?.hasPrefix("correct the password") == true, "\(wrongItem)")
        #expect(Self.items(wrong, "stillWaiting")["lappi/by-pipeline.pdf needs-password"] != nil)

        // The right passwords, in the sidecar and in the pipeline file: both read, same content, same version.
        try fixture.put("password: avain-\("lappi/by-sidecar.pdf".count)\n", at: "lappi/by-sidecar.pdf.meta.yaml")
        try fixture.writePipeline("  lappi/by-pipeline.pdf: avain-\("lappi/by-pipeline.pdf".count)\n")
        let fixed = try fixture.ingest()
        #expect(fixed.status == 0, "\(fixed.stdout) \(fixed.stderr)")
        #expect(Self.items(fixed, "stillWaiting").isEmpty)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok'") == 2)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 2)
        #expect(try fixture.scalar("SELECT COUNT(DISTINCT version_id) FROM passages") == 2)
        #expect(try fixture.ingest().json?["unchanged"] as? Int == 2, "read once, then skipped")
    }

    static let tesseractReady: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tesseract", "--list-langs"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let languages = Set(text.split(separator: "\n").map(String.init))
        return process.terminationStatus == 0 && languages.isSuperset(of: ["fin", "swe"])
    }()

    @Test(.enabled(if: tesseractReady, "tesseract with fin and swe not installed: skipped"))
    func aScanIsReadAgainOnceOCRIsTurnedOn() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 120, cpu_seconds: 120, memory_mb: 2048}")
        try fixture.writePipeline("ocr: off\n")
        let scan = fixture.inbox.appendingPathComponent("lappi/skannattu.pdf")
        try FileManager.default.createDirectory(at: scan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ImageOnlyPDF.write(
            MiniPDFWriter(pages: [
                .text(["Elinikainen ohjaus kuuluu kaikille.", "Ohjauspalvelut ovat saavutettavia."], fontSize: 16)
            ]).data(),
            to: scan, dpi: 200)
        let first = try fixture.ingest()
        #expect(first.status == 2)
        #expect(Self.items(first, "attention")["lappi/skannattu.pdf needs-ocr"] != nil)
        #expect(Self.items(try fixture.ingest(), "stillWaiting")["lappi/skannattu.pdf needs-ocr"] != nil)

        try fixture.writePipeline("ocr: auto\n")
        let read = try fixture.ingest()
        #expect(read.status == 0, "\(read.stdout) \(read.stderr)")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok' AND method = 'ocr'") == 1)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 1, "the same version, read again")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM passages") > 0)
    }
}
