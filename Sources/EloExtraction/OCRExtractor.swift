import EloCore
import Foundation

/// The OCR fallback: recognises the pages of a PDF that have no usable text layer, and merges the result
/// into what the text-layer extractor found.
///
/// A pure function of the file's bytes, the text-layer result and the settings, so the caller can cache
/// its output by content hash. Pages are rendered with poppler at `settings.dpi` and recognised by the
/// `tesseract` command, one page at a time, each under `settings.pageTimeout` and all under
/// `settings.documentTimeout`. Documents whose text all came from OCR get `method: ocr`; every OCR'd page,
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
            let imagePages = Set(extracted.diagnostics.filter { $0.id == "extraction.no-text-layer" }.compactMap(\.page))
            return extracted.pages.filter { $0.lines.isEmpty && imagePages.contains($0.number) }.map(\.number)
        }
    }

    /// `extracted` with its image-only pages recognised; unchanged when there is nothing to do. `bytes` are
    /// the PDF's bytes; `password` the one that opened it, if any.
    public func run(_ extracted: ExtractedText, bytes: Data, password: String?) -> ExtractedText {
        let wanted = pagesToRecognise(extracted)
        guard !wanted.isEmpty else { return extracted }
        var result = extracted
        let path = extracted.path
        let tesseract: OCRTesseract
        switch OCRTesseract.locate(settings) {
        case .success(let found):
            tesseract = found
        case .failure(let failure):
            let missing: [String]? = if case .missingLanguages(let languages) = failure { languages } else { nil }
            result.diagnostics.append(OCRDiagnostics.unavailable(path, languages: settings.languages, missing: missing))
            return result
        }
        let renderer: PageRenderer
        do {
            renderer = try PageRenderer(data: bytes, password: password)
        } catch {
            result.diagnostics.append(OCRDiagnostics.pageFailed(path, page: wanted[0], reason: "\(error)"))
            return result
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("elo-ocr-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
            result.diagnostics.append(OCRDiagnostics.pageFailed(path, page: wanted[0], reason: "no temporary folder"))
            return result
        }
        defer { try? FileManager.default.removeItem(at: folder) }

        let deadline = Date().addingTimeInterval(settings.documentTimeout)
        var recognised: [Int: PageText] = [:]
        var problems: [Diagnostic] = []
        var words = 0, confidenceSum = 0.0
        for (position, number) in wanted.enumerated() {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                problems.append(OCRDiagnostics.documentTimedOut(path, skipped: wanted.count - position,
                                                                seconds: settings.documentTimeout))
                break
            }
            let image = folder.appendingPathComponent("page-\(number).pgm")
            do {
                let dpi = try renderer.writeGreyscale(number - 1, dpi: settings.dpi, to: image)
                let tsv = try tesseract.recognise(image, dpi: dpi, timeout: min(settings.pageTimeout, remaining))
                let table = OCRWordTable(tsv: tsv, pointsPerPixel: 72 / dpi)
                let size = renderer.pageSize(number - 1)
                recognised[number] = PageText(
                    number: number, lines: table.lines.map { TextLine(text: $0.text, box: $0.box, confidence: $0.confidence) },
                    width: size?.width, height: size?.height, ocrConfidence: table.meanConfidence)
                words += table.wordCount
                confidenceSum += table.confidenceSum
            } catch OCRTesseract.Failure.timedOut {
                problems.append(OCRDiagnostics.pageTimedOut(path, page: number, seconds: settings.pageTimeout))
            } catch {
                problems.append(OCRDiagnostics.pageFailed(path, page: number, reason: "\(error)"))
            }
            try? FileManager.default.removeItem(at: image)
        }
        merge(recognised, wanted: wanted, problems: problems, words: words, confidenceSum: confidenceSum, into: &result)
        return result
    }

    private func merge(_ recognised: [Int: PageText], wanted: [Int], problems: [Diagnostic], words: Int,
                       confidenceSum: Double, into result: inout ExtractedText) {
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
                result.diagnostics.append(OCRDiagnostics.pageFailed(path, page: wanted[0], reason: "no text was recognised on any page"))
            }
            return
        }
        let confidence = confidenceSum / Double(words)
        result.ocrConfidence = confidence
        result.diagnostics.append(OCRDiagnostics.used(path, pages: recognised.count, confidence: confidence))
        if confidence < Self.lowConfidence { result.diagnostics.append(OCRDiagnostics.lowConfidence(path, confidence: confidence)) }
        // The text-layer findings OCR has answered become notes rather than errors.
        for index in result.diagnostics.indices
        where ["extraction.no-text-layer", "extraction.garbled-text"].contains(result.diagnostics[index].id)
            && (result.diagnostics[index].page.map { recognised[$0] != nil } ?? wholeDocument) {
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
