import EloTestSupport
import Foundation
import Synchronization
import Testing

@testable import EloCore
@testable import EloExtraction

/// OCR within a budget, resumable: the allowance, the page cache and the temporary folders, with a stand-in
/// recogniser that counts its pages and a clock the test moves (no Tesseract, no timing).
@Suite struct OCRBudgetTests {
    /// Recognises any page as one line "sivu N" and remembers which pages it was asked for; `secondsPerPage`
    /// moves the test's clock as if each page took that long; `timesOut` pages time out.
    final class CountingRecogniser: OCRPageRecognising, @unchecked Sendable {
        var asked: [Int] = []
        let clock: TestClock
        let secondsPerPage: Double
        let timesOut: Set<Int>

        init(clock: TestClock = TestClock(), secondsPerPage: Double = 1, timesOut: Set<Int> = []) {
            self.clock = clock
            self.secondsPerPage = secondsPerPage
            self.timesOut = timesOut
        }

        func recognise(page: Int, timeout: Double) throws(ExtractionFailure) -> OCRRecognisedPage {
            asked.append(page)
            if timesOut.contains(page) {
                clock.advance(timeout)
                throw .ocrTimedOut
            }
            clock.advance(secondsPerPage)
            return OCRRecognisedPage(
                page: PageText(number: page, lines: [TextLine(text: "sivu \(page)")], ocrConfidence: 0.9),
                words: 2, confidenceSum: 1.8)
        }
    }

    final class TestClock: Sendable {
        private let seconds = Mutex(0.0)
        func advance(_ by: Double) { seconds.withLock { $0 += by } }
        var now: Date { Date(timeIntervalSince1970: 1_000_000 + seconds.withLock { $0 }) }
    }

    static func scan(pages: Int, sha256: String = "ab12") -> ExtractedText {
        ExtractedText(
            path: "lappi/skannattu.pdf", sha256: sha256, byteCount: 1, pageCount: pages, status: .needsOCR,
            method: .textLayer, pages: (1...pages).map { PageText(number: $0, lines: []) },
            diagnostics: [
                Diagnostic(id: "extraction.no-text-layer", severity: .error, message: "lappi/skannattu.pdf: scan")
            ])
    }

    static func read(
        _ extracted: ExtractedText, _ allowance: OCRAllowance?, with recogniser: CountingRecogniser,
        settings: OCRSettings = OCRSettings()
    ) -> ExtractedText {
        let extractor = OCRExtractor(settings: settings)
        let clock = recogniser.clock
        return extractor.recognise(
            extractor.pagesToRecognise(extracted), of: extracted, allowance: allowance,
            with: recogniser, now: { clock.now })
    }

    @Test func pastOCRMaxPagesTheDocumentWaitsAsNeedsOCRAndContinuesNextRun() throws {
        let cache = try TemporaryFolder(prefix: "elo-ocr-cache-test")
        let allowance = OCRAllowance(maxPages: 2, seconds: 300, cacheFolder: cache.url.path)
        let recogniser = CountingRecogniser()
        let result = Self.read(Self.scan(pages: 5), allowance, with: recogniser)
        #expect(recogniser.asked == [1, 2])
        #expect(result.status == .needsOCR, "not failed, not partial: it waits for the next run")
        #expect(result.method == .textLayer)
        #expect(result.pages.allSatisfy { $0.lines.isEmpty }, "no half document is indexed")
        let budget = try #require(result.diagnostics.first { $0.id == OCRAllowance.budgetDiagnosticID })
        #expect(budget.message.hasPrefix("lappi/skannattu.pdf: OCR has recognised 2 of 5 pages"))
        #expect(budget.message.contains("continues next run"))
        #expect(budget.message.contains("ocr_max_pages"))
    }

    @Test func theNextRunTakesRecognisedPagesFromTheCacheAndNeverRecognisesAPageTwice() throws {
        let cache = try TemporaryFolder(prefix: "elo-ocr-cache-test")
        let allowance = OCRAllowance(maxPages: 2, seconds: 300, cacheFolder: cache.url.path)
        var asked: [Int] = []
        var result = Self.scan(pages: 5)
        for run in 1...3 {
            let recogniser = CountingRecogniser()
            result = Self.read(Self.scan(pages: 5), allowance, with: recogniser)
            asked += recogniser.asked
            if run < 3 {
                #expect(result.diagnostics.contains { $0.message.contains("recognised \(2 * run) of 5 pages") })
            }
        }
        #expect(asked == [1, 2, 3, 4, 5], "each page once over three runs")
        #expect(result.status == .ok)
        #expect(result.method == .ocr)
        #expect(result.pages.map { $0.lines.first?.text } == (1...5).map { "sivu \($0)" })
        #expect(result.ocrConfidence == 0.9)
        #expect(!result.diagnostics.contains { $0.id == OCRAllowance.budgetDiagnosticID })
        // Another resolution is another reading: nothing of the 300 dpi pages is reused.
        let other = CountingRecogniser()
        _ = Self.read(Self.scan(pages: 5), allowance, with: other, settings: OCRSettings(dpi: 200))
        #expect(other.asked == [1, 2])
    }

    @Test func pastOCRSecondsOnTheTestsClockNoFurtherPageStarts() throws {
        let cache = try TemporaryFolder(prefix: "elo-ocr-cache-test")
        let recogniser = CountingRecogniser(secondsPerPage: 10)
        let allowance = OCRAllowance(maxPages: 100, seconds: 25, cacheFolder: cache.url.path)
        let result = Self.read(Self.scan(pages: 8), allowance, with: recogniser)
        #expect(recogniser.asked == [1, 2, 3], "started at 0, 10 and 20 s of 25")
        #expect(result.status == .needsOCR)
        #expect(
            result.diagnostics.contains { $0.message.contains("3 of 8 pages") && $0.message.contains("ocr_seconds") })
    }

    @Test func aPageStoppedByTheBudgetIsTriedAgainButAPageThatHadItsTimeIsGivenUp() throws {
        let cache = try TemporaryFolder(prefix: "elo-ocr-cache-test")
        let settings = OCRSettings(pageTimeout: 120)
        // Page 2 times out with only 30 s of the run left: it was cut short, so it is tried again next run.
        let cut = CountingRecogniser(secondsPerPage: 10, timesOut: [2])
        let short = OCRAllowance(maxPages: 100, seconds: 40, limitedByRun: true, cacheFolder: cache.url.path)
        let first = Self.read(Self.scan(pages: 3), short, with: cut, settings: settings)
        #expect(cut.asked == [1, 2])
        #expect(first.status == .needsOCR)
        #expect(
            first.diagnostics.contains { $0.message.contains("1 of 3 pages") && $0.message.contains("max_run_minutes") }
        )
        // With its whole time, page 2 times out again: given up (and kept so), the document completes as partial.
        let full = CountingRecogniser(secondsPerPage: 10, timesOut: [2])
        let whole = OCRAllowance(maxPages: 100, seconds: 300, cacheFolder: cache.url.path)
        let second = Self.read(Self.scan(pages: 3), whole, with: full, settings: settings)
        #expect(full.asked == [2, 3])
        #expect(second.status == .partial)
        #expect(second.diagnostics.contains { $0.id == "extraction.ocr-timeout" && $0.page == 2 })
        let third = CountingRecogniser()
        _ = Self.read(Self.scan(pages: 3), whole, with: third, settings: settings)
        #expect(third.asked.isEmpty, "a page given up is not tried again for the same content")
    }

    @Test func withoutAnAllowanceTheDocumentTimeoutStillLeavesThePagesMissing() {
        let recogniser = CountingRecogniser(secondsPerPage: 10)
        let result = Self.read(Self.scan(pages: 4), nil, with: recogniser, settings: OCRSettings(documentTimeout: 15))
        #expect(recogniser.asked == [1, 2])
        #expect(result.status == .partial)
        #expect(result.diagnostics.contains { $0.id == "extraction.ocr-timeout" })
        #expect(!result.diagnostics.contains { $0.id == OCRAllowance.budgetDiagnosticID })
    }

    @Test func finishedDocumentsLeaveTheCacheOthersStay() throws {
        let cache = try TemporaryFolder(prefix: "elo-ocr-cache-test")
        let allowance = OCRAllowance(maxPages: 1, seconds: 300, cacheFolder: cache.url.path)
        _ = Self.read(Self.scan(pages: 2, sha256: "done"), allowance, with: CountingRecogniser())
        _ = Self.read(Self.scan(pages: 2, sha256: "waiting"), allowance, with: CountingRecogniser())
        #expect(OCRPageCache.removeFinished(in: cache.url) { $0 == "done" } == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.url.path) == ["waiting"])
    }

    @Test func staleTemporaryFoldersAreSweptLiveOnesAndOthersStay() throws {
        let tmp = try TemporaryFolder(prefix: "elo-ocr-sweep-test")
        let own = try OCRTemporaryFolder.make(in: tmp.url)
        // A process id that does not exist (above the kernel's pid_max), and this process under another start time.
        for name in ["elo-ocr-99999999-12345-dead", "elo-ocr-\(getpid())-1-reused", "elo-ocr-test-keep.pdf", "other"] {
            try FileManager.default.createDirectory(
                at: tmp.url.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let legacy = tmp.url.appendingPathComponent("elo-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: legacy.path)
        let removed = OCRTemporaryFolder.sweepStale(in: tmp.url)
        #expect(
            Set(removed) == ["elo-ocr-99999999-12345-dead", "elo-ocr-\(getpid())-1-reused", legacy.lastPathComponent])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: tmp.url.path))
        #expect(left == [own.lastPathComponent, "elo-ocr-test-keep.pdf", "other"])
    }
}
