import EloCore
import Foundation

/// Recognises one page of one document: Tesseract on a rendered page in the product (`OCRTesseractPages`),
/// a stand-in in the tests of the budget and the page cache.
protocol OCRPageRecognising {
    /// The page's text; `timeout` is the wall-clock seconds the page may take.
    /// Throws `.ocrTimedOut` when the page took longer than it was given, `.ocrFailed` when it cannot be read.
    func recognise(page: Int, timeout: Double) throws(ExtractionFailure) -> OCRRecognisedPage
}

/// The pages of one PDF, rendered with poppler and recognised with the `tesseract` command, each page's image
/// in the document's temporary folder (`OCRTemporaryFolder`) and removed after use.
struct OCRTesseractPages: OCRPageRecognising {
    let tesseract: OCRTesseract
    let renderer: PageRenderer
    let folder: URL
    let dpi: Double

    func recognise(page number: Int, timeout: Double) throws(ExtractionFailure) -> OCRRecognisedPage {
        let image = folder.appendingPathComponent("page-\(number).pgm")
        defer {
            try? FileManager.default.removeItem(at: image)
            try? FileManager.default.removeItem(at: image.deletingPathExtension().appendingPathExtension("tsv"))
        }
        let usedDPI: Double
        do { usedDPI = try renderer.writeGreyscale(number - 1, dpi: dpi, to: image) } catch {
            throw .ocrFailed("\(error)")
        }
        let tsv = try tesseract.recognise(image, dpi: usedDPI, timeout: timeout)
        let table = OCRWordTable(tsv: tsv, pointsPerPixel: 72 / usedDPI)
        let size = renderer.pageSize(number - 1)
        let text = PageText(
            number: number, lines: table.lines.map { TextLine(text: $0.text, box: $0.box, confidence: $0.confidence) },
            width: size?.width, height: size?.height, ocrConfidence: table.meanConfidence)
        return OCRRecognisedPage(page: text, words: table.wordCount, confidenceSum: table.confidenceSum)
    }
}
