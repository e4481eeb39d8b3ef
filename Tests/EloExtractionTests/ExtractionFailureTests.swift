import EloCore
import Foundation
import Testing

@testable import EloExtraction

/// EloExtraction's one error type: the reasons its cases give are the words the diagnostics quote.
@Suite struct ExtractionFailureTests {
    @Test(arguments: [
        (ExtractionFailure.renderCannotOpen("bad xref"), "poppler cannot open the PDF for rendering: bad xref"),
        (.pageCannotRender(page: 3), "page 3 cannot be rendered"),
        (.cannotWrite("/tmp/page-3.pgm"), "cannot write /tmp/page-3.pgm"),
        (
            .partUnreadable(part: "word/document.xml", reason: "CRC mismatch"),
            "word/document.xml cannot be unpacked: CRC mismatch"
        ),
        (.ocrFailed("tesseract exited with status 1"), "tesseract exited with status 1"),
        (.pdfUnreadable("PDF document is damaged"), "PDF document is damaged"),
    ])
    func reasonsAreTheWordsTheDiagnosticsQuote(failure: ExtractionFailure, reason: String) {
        #expect(failure.description == reason)
    }

    @Test func aRefusedFileGivesItsDiagnosticUnchanged() {
        let path = "/nonexistent/lappi/plan.pdf"
        let extracted = DocumentExtractor().run(url: URL(fileURLWithPath: path), password: nil)
        #expect(extracted.status == .failed)
        #expect(extracted.diagnostics == [ExtractionFinding.missingFile.about(path)])
        #expect(
            ExtractionFailure.fileRefused(ExtractionFinding.missingFile.about(path)).description
                == "\(path): file not found — check the path, or ask the region to send it again")
    }
}
