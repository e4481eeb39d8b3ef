import EloCore
import Foundation

/// The OCR fallback: recognises the pages of a PDF that have no usable text layer, and merges the result
/// into what the text-layer extractor found.
///
/// A pure function of the file's bytes, the text-layer result and the settings, so the caller can cache
/// its output by content hash. Pages are rendered with poppler at `settings.dpi` and recognised by the
/// `tesseract` command, one page at a time, each under `settings.pageTimeout` and all under
/// `settings.documentTimeout`, or within an `OCRAllowance` whose page cache keeps them between runs
/// (`OCRPageLoop`). Documents whose text all came from OCR get `method: ocr`; every OCR'd page,
/// line and the document carry the mean word confidence (0…1).
public struct OCRExtractor: Sendable {
    public var settings: OCRSettings

    /// Below this mean confidence a document gets an `extraction.ocr-low-confidence` warning.
    public static let lowConfidence = 0.6

    public init(settings: OCRSettings = .init()) {
        self.settings = settings
    }

    /// The 1-based pages of `extracted` that OCR would recognise under the current mode.
    public func pagesToRecognise(_ extracted: ExtractedText) -> [Int] {
        let all = extracted.pages.isEmpty ? Array(1...max(1, extracted.pageCount)) : extracted.pages.map(\.number)
        switch (settings.mode, extracted.status) {
        case (.off, _), (_, .needsPassword), (_, .failed):
            return []
        case (.force, _), (.auto, .needsOCR):
            return extracted.pageCount == 0 ? [] : all
        case (.auto, .ok), (.auto, .partial):
            let imagePages = Set(
                extracted.diagnostics.filter { $0.id == "extraction.no-text-layer" }.compactMap(\.page))
            return extracted.pages.filter { $0.lines.isEmpty && imagePages.contains($0.number) }.map(\.number)
        }
    }

    /// `extracted` with its image-only pages recognised; unchanged when there is nothing to do. `bytes` are
    /// the PDF's bytes; `password` the one that opened it, if any. With an `allowance` (ingest) the pages come
    /// from and go to its page cache, and a spent allowance leaves the document `needs-ocr` with an
    /// `extraction.ocr-budget` finding; without one, `settings.documentTimeout` bounds the document.
    public func run(_ extracted: ExtractedText, bytes: Data, password: String?, allowance: OCRAllowance? = nil)
        -> ExtractedText
    {
        let wanted = pagesToRecognise(extracted)
        guard !wanted.isEmpty else { return extracted }
        var result = extracted
        let path = extracted.path
        let tesseract: OCRTesseract
        switch OCRTesseract.locate(settings) {
        case .success(let found):
            tesseract = found
        case .failure(let failure):
            let missing: [String]? =
                if case .tesseractLanguagesMissing(let languages) = failure { languages } else { nil }
            result.diagnostics.append(
                OCRFinding.unavailable(languages: settings.languages, missing: missing).about(path))
            return result
        }
        let renderer: PageRenderer
        do {
            renderer = try PageRenderer(data: bytes, password: password)
        } catch {
            result.diagnostics.append(OCRFinding.pageFailed(page: wanted[0], reason: "\(error)").about(path))
            return result
        }
        guard let folder = try? OCRTemporaryFolder.make() else {
            result.diagnostics.append(OCRFinding.pageFailed(page: wanted[0], reason: "no temporary folder").about(path))
            return result
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = OCRTesseractPages(tesseract: tesseract, renderer: renderer, folder: folder, dpi: settings.dpi)
        return recognise(wanted, of: extracted, allowance: allowance, with: pages)
    }

    /// Recognises `wanted` with `recogniser` (Tesseract, or the tests' stand-in) and merges the pages.
    func recognise(
        _ wanted: [Int], of extracted: ExtractedText, allowance: OCRAllowance?,
        with recogniser: some OCRPageRecognising, now: @escaping () -> Date = Date.init
    ) -> ExtractedText {
        var result = extracted
        let cache = allowance?.cacheFolder.flatMap { folder in
            extracted.sha256.isEmpty
                ? nil
                : OCRPageCache(root: URL(fileURLWithPath: folder), sha256: extracted.sha256, settings: settings)
        }
        let loop = OCRPageLoop(settings: settings, allowance: allowance, cache: cache, now: now)
        let progress = loop.run(wanted, path: extracted.path, recogniser: recogniser)
        if let stop = progress.stop, let allowance {
            // The document waits for the next run as a whole: none of its text is indexed before all is read.
            result.status = .needsOCR
            result.pages = result.pages.map {
                PageText(number: $0.number, lines: [], width: $0.width, height: $0.height)
            }
            result.diagnostics.append(
                OCRFinding.budgetSpent(done: progress.done, of: wanted.count, stop: stop, allowance: allowance).about(
                    extracted.path))
            return result
        }
        let words = progress.recognised.values.reduce(0) { $0 + $1.words }
        let confidenceSum = progress.recognised.values.reduce(0) { $0 + $1.confidenceSum }
        merge(
            progress.recognised.mapValues(\.page), wanted: wanted, problems: progress.problems, words: words,
            confidenceSum: confidenceSum, into: &result)
        return result
    }

    private func merge(
        _ recognised: [Int: PageText], wanted: [Int], problems: [Diagnostic], words: Int,
        confidenceSum: Double, into result: inout ExtractedText
    ) {
        let path = result.path
        let wholeDocument = result.status == .needsOCR || settings.mode == .force
        for (number, page) in recognised {
            if let index = result.pages.firstIndex(where: { $0.number == number }) {
                result.pages[index] = page
            } else {
                result.pages.append(page)
            }
        }
        result.pages.sort { $0.number < $1.number }
        result.diagnostics.append(contentsOf: problems)
        guard words > 0 else {
            if problems.isEmpty {
                result.diagnostics.append(
                    OCRFinding.pageFailed(page: wanted[0], reason: "no text was recognised on any page").about(path))
            }
            return
        }
        let confidence = confidenceSum / Double(words)
        result.ocrConfidence = confidence
        result.diagnostics.append(OCRFinding.used(pages: recognised.count, confidence: confidence).about(path))
        if confidence < Self.lowConfidence {
            result.diagnostics.append(OCRFinding.lowConfidence(confidence: confidence).about(path))
        }
        // The text-layer findings OCR has answered become notes rather than errors.
        for index in result.diagnostics.indices
        where ["extraction.no-text-layer", "extraction.garbled-text"].contains(result.diagnostics[index].id)
            && (result.diagnostics[index].page.map { recognised[$0] != nil } ?? wholeDocument)
        {
            result.diagnostics[index].severity = .info
        }
        if wholeDocument {
            result.method = .ocr
            let missed = wanted.count - recognised.count
            result.status = missed == 0 && result.status != .partial ? .ok : .partial
        } else if recognised.count < wanted.count, result.status == .ok {
            result.status = .partial
        }
    }
}
