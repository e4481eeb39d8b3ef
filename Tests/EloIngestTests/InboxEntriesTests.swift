import EloTestSupport
import Foundation
import Testing

/// Every inbox entry is accounted for: names that are not UTF-8 need attention, symbolic links and special files
/// are counted as skipped with the reason, and a newline in a name never splits an output line.
@Suite(
    "every file accounted for", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct InboxEntriesTests {
    /// Creates a file whose name is given as raw bytes (inbox-relative).
    static func createFile(_ fixture: IngestFixture, nameBytes: [UInt8], content: String) throws {
        let path = Array(fixture.inbox.path.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) {
                open($0, O_CREAT | O_WRONLY, 0o644)
            }
        }
        #expect(fd >= 0)
        _ = content.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    static func items(_ result: IngestFixture.Result, _ key: String) -> Set<String> {
        Set(
            ((result.json?[key] as? [[String: Any]]) ?? []).map {
                "\($0["path"] as? String ?? "?") \($0["problem"] as? String ?? $0["reason"] as? String ?? "?")"
            })
    }

    @Test func aNameThatIsNotUTF8NeedsAttention() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        try Self.createFile(
            fixture, nameBytes: Array("lappi/p".utf8) + [0xE4] + Array("iv.txt".utf8), content: "Lapin raportti\n")
        let result = try fixture.ingest()
        #expect(result.status == 2, "\(result.stderr)")
        #expect(Self.items(result, "attention") == ["lappi/p\\xE4iv.txt bad-file-name"])
        #expect(result.json?["newDocuments"] as? Int == 1)
    }

    @Test func symbolicLinksAndSpecialFilesAreCountedWithTheReason() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin suunnitelma\n\nOhjauspalvelut Lapissa.\n", at: "lappi/plan.txt")
        let outside = try fixture.folder.write(Data("Salainen muistio\n".utf8), to: "elsewhere/memo.txt")
        try FileManager.default.createSymbolicLink(
            at: fixture.inbox.appendingPathComponent("lappi/memo.txt"), withDestinationURL: outside)
        #expect(mkfifo(fixture.inbox.appendingPathComponent("lappi/pipe").path, 0o644) == 0)
        let json = try fixture.ingest()
        #expect(json.status == 0, "\(json.stderr)")
        #expect(Self.items(json, "skipped") == ["lappi/memo.txt symbolic-link", "lappi/pipe special-file"])
        #expect(json.json?["files"] as? Int == 1)
        let plain = try fixture.ingest([])
        #expect(plain.stdout.contains("; 2 skipped (1 special-file, 1 symbolic-link)"), "\(plain.stdout)")
    }

    @Test func aNewlineInANameDoesNotSplitALine() throws {
        let fixture = try IngestFixture()
        try fixture.folder.write(Data("%PDF-1.4\nrikki".utf8), to: "inbox/lappi/rikki\nkopio.pdf")
        let result = try fixture.ingest(["--log-level", "debug"])
        #expect(result.status == 2)
        let lines = (result.stdout + result.stderr).split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("kopio.pdf") }, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("lappi/rikki\\nkopio.pdf: failed"), "\(result.stdout)")
        #expect(result.stderr.contains("lappi/rikki\\nkopio.pdf"), "the log names it escaped")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM files WHERE path = 'lappi/rikki\\nkopio.pdf'") == 1)
    }
}
