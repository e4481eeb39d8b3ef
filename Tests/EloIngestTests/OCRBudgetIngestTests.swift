import EloExtraction
import EloTestSupport
import Foundation
import Testing

/// `elo ingest` within its budgets: `max_run_minutes` stops new documents from starting, a scan's OCR goes on
/// over several runs from the page cache (`ocr_max_pages`), and OCR folders left by a killed reader are swept.
@Suite("OCR budget in ingest")
struct OCRBudgetIngestTests {
    static func items(_ result: IngestFixture.Result, _ key: String = "attention") -> [String: [String: Any]] {
        AttentionTests.items(result, key)
    }

    @Test func aRunWithNoTimeLeftStartsNoDocumentAndTheNextRunReadsThem() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin ELO-ryhmä kehittää ohjauspalveluja koko maakunnassa.\n", at: "lappi/suunnitelma.txt")
        try fixture.put("Uudenmaan ohjauspalvelut ovat saavutettavia.\n", at: "uusimaa/raportti.txt")
        try fixture.writePipeline("max_run_minutes: 0\n")
        let first = try fixture.ingest()
        #expect(first.status == 2, "\(first.stdout) \(first.stderr)")
        let notRead = Self.items(first)
        #expect(notRead.keys.sorted() == ["lappi/suunnitelma.txt not-read", "uusimaa/raportti.txt not-read"])
        #expect(
            (notRead["lappi/suunnitelma.txt not-read"]?["reason"] as? String)?.contains("max_run_minutes: 0") == true)
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions") == 0, "nothing new started")
        #expect(first.json?["outcome"] as? String == "needs-attention")

        try fixture.writePipeline("max_run_minutes: 30\n")
        let second = try fixture.ingest()
        #expect(second.status == 0, "\(second.stdout) \(second.stderr)")
        #expect(second.json?["newDocuments"] as? Int == 2)
    }

    @Test func aStaleOCRFolderIsSweptAtTheStartOfARun() throws {
        let fixture = try IngestFixture()
        try fixture.put("Lapin ELO-ryhmä kehittää ohjauspalveluja.\n", at: "lappi/suunnitelma.txt")
        let tmp = try TemporaryFolder(prefix: "elo-tmpdir")
        let stale = tmp.url.appendingPathComponent("elo-ocr-99999999-4242-0badf00d")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("P5\n1 1\n255\n\0".utf8).write(to: stale.appendingPathComponent("page-3.pgm"))
        let result = try fixture.ingest(environment: ["TMPDIR": tmp.url.path])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path), "owned by no live process: removed")
    }

    @Test(.enabled(if: AttentionTests.tesseractReady, "tesseract with fin and swe not installed: skipped"))
    func aScanIsRecognisedOverSeveralRunsWithoutRecognisingAPageTwice() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 120, cpu_seconds: 120, memory_mb: 2048}")
        try fixture.writePipeline("ocr: auto\nocr_max_pages: 1\n")
        let scan = fixture.inbox.appendingPathComponent("lappi/skannattu.pdf")
        try FileManager.default.createDirectory(at: scan.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lines = ["Elinikainen ohjaus kuuluu kaikille.", "Ohjauspalvelut ovat saavutettavia."]
        try ImageOnlyPDF.write(
            MiniPDFWriter(pages: [
                .text(lines, fontSize: 16), .text(lines, fontSize: 16),
                .text(lines, fontSize: 16),
            ]).data(), to: scan, dpi: 200)
        let cache = fixture.output.appendingPathComponent("ocr-pages")

        for run in 1...2 {
            let result = try fixture.ingest()
            #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
            let item = try #require(Self.items(result)["lappi/skannattu.pdf needs-ocr"], "\(result.stdout)")
            let reason = item["reason"] as? String ?? ""
            #expect(reason.contains("recognised \(run) of 3 pages"), "\(reason)")
            #expect(reason.contains("continues next run"))
            #expect((item["action"] as? String)?.contains("ocr_max_pages") == true)
            #expect(result.json?["newDocuments"] as? Int == (run == 1 ? 1 : 0), "continuing is not a change")
            #expect(result.json?["newVersions"] as? Int == 0)
            #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'needs-ocr'") == 1)
            let pages =
                FileManager.default.enumerator(atPath: cache.path)?.allObjects
                .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
            #expect(pages.count == run, "one page recognised and kept per run: \(pages)")
        }
        let last = try fixture.ingest()
        #expect(last.status == 0, "\(last.stdout) \(last.stderr)")
        #expect(
            try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'ok' AND method = 'ocr' AND pages = 3")
                == 1)
        #expect(try fixture.scalar("SELECT COUNT(DISTINCT page) FROM passages") == 3)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty, "finished: its pages are dropped")
        #expect(try fixture.ingest().json?["unchanged"] as? Int == 1, "then it is left alone")
    }
}
