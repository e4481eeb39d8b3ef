import EloCore
import Testing

@testable import EloPipeline

/// The needs-attention lines: the diagnostic's finding once, one action, no advice said twice.
@Suite("needs-attention lines")
struct IngestSummaryTests {
    static func document(_ status: ExtractionStatus, _ id: String, _ message: String) -> Document {
        Document(
            path: "/srv/elo/inbox/lappi/plan.pdf", sha256: "", pages: 0, language: .unknown, status: status,
            method: .textLayer, diagnostics: [Diagnostic(id: id, severity: .error, message: message)], passages: [])
    }

    @Test(arguments: [
        (
            ExtractionStatus.failed, "extraction.unreadable",
            "/srv/elo/inbox/lappi/plan.pdf: cannot be read (PDF document is damaged) — ask the region for a new copy",
            "cannot be read (PDF document is damaged)", "ask the region for a new copy"
        ),
        (
            .failed, "ingest.worker-crashed", "the reader crashed (signal 11) — a damaged file, or more than 512 MB",
            "the reader crashed (signal 11) — a damaged file, or more than 512 MB",
            "ask the region for a new copy (re-saved as PDF), then replace the file in the inbox"
        ),
        (
            .needsOCR, "extraction.no-text-layer",
            "/srv/elo/inbox/lappi/plan.pdf: no text layer on any page — run it through OCR, or ask the region for a text PDF",
            "no text layer on any page",
            "turn on OCR with `ocr: auto` in pipelines/elo.yaml, or ask the region for a text PDF"
        ),
        (
            .needsPassword, "extraction.encrypted",
            "/srv/elo/inbox/lappi/plan.pdf: encrypted PDF, no password given — add it under passwords",
            "encrypted PDF, no password given",
            "add `lappi/plan.pdf: PASSWORD` under `passwords:` in pipelines/elo.yaml or `password:` in lappi/plan.pdf.meta.yaml, or ask the region for an unprotected copy"
        ),
    ])
    func reasonAndActionEachOnce(status: ExtractionStatus, id: String, message: String, reason: String, action: String)
    {
        let items = IngestSummary.attention(
            for: Self.document(status, id, message), path: "lappi/plan.pdf", region: "lappi",
            pipeline: "pipelines/elo.yaml")
        #expect(items.count == 1)
        #expect(items.first?.reason == reason)
        #expect(items.first?.action == action)
        let line = "\(items.first?.reason ?? ""); \(items.first?.action ?? "")"
        for phrase in ["ask the region", "OCR", "passwords"] {
            #expect(line.components(separatedBy: phrase).count <= 2, "“\(phrase)” twice in: \(line)")
        }
    }

    @Test func needsOCRNoLongerSendsPeopleToAnotherTool() {
        let items = IngestSummary.attention(
            for: Self.document(.needsOCR, "extraction.no-text-layer", "x.pdf: scanned"), path: "x.pdf", region: "lappi",
            pipeline: "p.yaml")
        #expect(items.first?.action.contains("ocr: auto") == true)
        #expect(items.first?.action.contains("ocrmypdf") == false)
    }
}
