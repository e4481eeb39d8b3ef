import Foundation
import Testing

@testable import EloCore
@testable import EloExtraction

/// The OCR fallback on image-only PDFs the tests make themselves (text PDF → rendered → wrapped as images).
/// Recognition tests skip when Tesseract with Finnish and Swedish data is not installed.
@Suite struct OCRExtractionTests {
    static let tesseractReady: Bool = {
        guard let path = OCRTesseract.findOnPath("tesseract") else { return false }
        return OCRTesseract.installedLanguages(path).isSuperset(of: ["fin", "swe"])
    }()

    static let finnishLines = [
        "Elinikäinen ohjaus kuuluu kaikille.",
        "Ohjauspalvelut ovat saavutettavia ja",
        "laadukkaita koko maakunnassa.",
        "Työllisyyttä edistetään yhdessä.",
    ]
    static let swedishLines = [
        "Vägledning för alla åldrar.",
        "Tjänsterna ska vara tillgängliga",
        "och av hög kvalitet i hela länet.",
    ]

    /// An image-only PDF of the given pages, and the text PDF it was made from.
    static func scannedPDF(_ pages: [[String]]) throws -> (scan: Data, original: Data) {
        let original = OCRTestPDF.make(pages: pages)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("elo-ocr-test-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImageOnlyPDF.write(original, to: url, dpi: 300)
        return (try Data(contentsOf: url), original)
    }

    static func needsOCR(_ path: String, pages: Int) -> ExtractedText {
        ExtractedText(
            path: path, sha256: "", byteCount: 0, pageCount: pages, status: .needsOCR, method: .textLayer,
            pages: (1...pages).map { PageText(number: $0, lines: []) },
            diagnostics: [Diagnostic(id: "extraction.no-text-layer", severity: .error, message: "\(path): scan")])
    }

    // MARK: Always run

    @Test func imageOnlyPDFHasNoTextLayerButTheSamePages() throws {
        let (scan, original) = try Self.scannedPDF([Self.finnishLines, Self.swedishLines])
        let renderer = try PageRenderer(data: scan, password: nil)
        #expect(renderer.pageCount == 2)
        #expect(renderer.textLayer(0).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let size = try #require(renderer.pageSize(0))
        #expect(abs(size.width - 420) < 1 && abs(size.height - 300) < 1)
        let source = try PageRenderer(data: original, password: nil)
        #expect(source.textLayer(0).contains("Elinikäinen ohjaus"))
    }

    @Test func rendersGreyscaleAtTheRequestedResolution() throws {
        let renderer = try PageRenderer(data: OCRTestPDF.make(pages: [Self.finnishLines]), password: nil)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("elo-render-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: url) }
        let dpi = try renderer.writeGreyscale(0, dpi: 150, to: url)
        #expect(dpi == 150)
        let data = try Data(contentsOf: url)
        let header = "P5\n875 625\n255\n"
        #expect(String(decoding: data.prefix(header.utf8.count), as: UTF8.self) == header)
        #expect(data.count == header.utf8.count + 875 * 625)
        let pixels = data.dropFirst(header.utf8.count)
        #expect(pixels.filter { $0 < 128 }.count > 1000)  // ink
        #expect(pixels.filter { $0 > 250 }.count > pixels.count / 2)  // white paper
    }

    @Test func parsesTesseractTSVIntoLinesWithBoxesAndConfidence() {
        let tsv = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t
            4\t1\t1\t1\t1\t0\t300\t300\t600\t50\t-1\t
            5\t1\t1\t1\t1\t1\t300\t300\t200\t50\t96.5\tOhjaus
            5\t1\t1\t1\t1\t2\t550\t310\t350\t40\t90.5\tkaikille
            5\t1\t1\t1\t2\t1\t300\t400\t300\t50\t50\tToinen
            5\t1\t1\t1\t2\t2\t700\t400\t30\t50\t95\t\u{20}
            5\t1\t1\t1\t2\t3\t800\t400\t900\t50\t3\taanaanaa
            """
        let table = OCRWordTable(tsv: tsv, pointsPerPixel: 72.0 / 300)
        #expect(table.lines.map(\.text) == ["Ohjaus kaikille", "Toinen"])
        #expect(table.wordCount == 4)  // the noise word counts towards confidence, not the text
        #expect(abs(table.lines[0].confidence - 0.935) < 1e-9)
        #expect(abs(table.lines[1].box.width - 72) < 1e-9)
        #expect(abs(table.meanConfidence! - (0.965 + 0.905 + 0.5 + 0.03) / 4) < 1e-9)
        let box = table.lines[0].box
        #expect(abs(box.x - 72) < 1e-9 && abs(box.y - 72) < 1e-9)
        #expect(abs(box.width - 144) < 1e-9 && abs(box.height - 12) < 1e-9)
    }

    struct ModeCase: CustomTestStringConvertible, Sendable {
        let mode: OCRSettings.Mode
        let status: ExtractionStatus
        let expected: [Int]
        var testDescription: String { "\(mode) on \(status.rawValue) → \(expected)" }
    }

    @Test(arguments: [
        ModeCase(mode: .auto, status: .needsOCR, expected: [1, 2, 3]),
        ModeCase(mode: .auto, status: .ok, expected: [2]),
        ModeCase(mode: .auto, status: .needsPassword, expected: []),
        ModeCase(mode: .auto, status: .failed, expected: []),
        ModeCase(mode: .off, status: .needsOCR, expected: []),
        ModeCase(mode: .force, status: .ok, expected: [1, 2, 3]),
        ModeCase(mode: .force, status: .needsPassword, expected: []),
    ])
    func choosesPagesByMode(_ test: ModeCase) {
        // Page 2 is an image page in an otherwise text document; page 3 is blank (no image), never OCR'd in auto.
        let extracted = ExtractedText(
            path: "x.pdf", sha256: "", byteCount: 0, pageCount: 3, status: test.status, method: .textLayer,
            pages: [
                PageText(number: 1, lines: [TextLine(text: "Teksti")]), PageText(number: 2, lines: []),
                PageText(number: 3, lines: []),
            ],
            diagnostics: [Diagnostic(id: "extraction.no-text-layer", severity: .warning, message: "", page: 2)])
        #expect(OCRExtractor(settings: OCRSettings(mode: test.mode)).pagesToRecognise(extracted) == test.expected)
    }

    @Test func withoutTesseractAutoStaysNeedsOCRAndSaysWhatToInstall() throws {
        let settings = OCRSettings(tesseractPath: "/nonexistent/tesseract")
        let input = Self.needsOCR("inbox/kainuu/skannattu.pdf", pages: 1)
        let result = OCRExtractor(settings: settings).run(input, bytes: OCRTestPDF.make(pages: [["x"]]), password: nil)
        #expect(result.status == .needsOCR)
        #expect(result.method == .textLayer)
        let diagnostic = try #require(result.diagnostics.first { $0.id == "extraction.ocr-unavailable" })
        #expect(diagnostic.message.hasPrefix("inbox/kainuu/skannattu.pdf: "))
        #expect(diagnostic.message.contains("apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe"))
    }

    @Test func characterAccuracyIsOneMinusEditDistanceOverLength() {
        #expect(OCRAccuracy.accuracy(recognised: "ohjaus  palvelut\n", reference: "ohjaus palvelut") == 1)
        #expect(OCRAccuracy.distance(recognised: "ohjaus", reference: "ohjaas").distance == 1)
        #expect(abs(OCRAccuracy.accuracy(recognised: "kissa", reference: "kisse") - 0.8) < 1e-9)
        #expect(OCRAccuracy.accuracy(recognised: "", reference: "abc") == 0)
        #expect(OCRAccuracy.normalise("1 Yleistä ........ 3 Loppu.") == "1 Yleistä 3 Loppu.")
        #expect(OCRAccuracy.normalise("esim. ... ja…") == "esim. ... ja…")
    }

    // MARK: Recognition (needs Tesseract)

    @Test(.enabled(if: tesseractReady, "tesseract with fin and swe data is not installed"))
    func recognisesFinnishAndSwedishScans() throws {
        let (scan, original) = try Self.scannedPDF([Self.finnishLines, Self.swedishLines])
        let result = OCRExtractor().run(Self.needsOCR("scan.pdf", pages: 2), bytes: scan, password: nil)
        #expect(result.method == .ocr)
        #expect(result.status == .ok)
        let confidence = try #require(result.ocrConfidence)
        #expect(confidence > 0.8)
        #expect(result.diagnostics.contains { $0.id == "extraction.ocr" })
        #expect(result.diagnostics.filter { $0.id == "extraction.no-text-layer" }.allSatisfy { $0.severity == .info })
        let reference = try PageRenderer(data: original, password: nil)
        for (index, page) in result.pages.enumerated() {
            #expect(page.number == index + 1)
            #expect(page.ocrConfidence != nil)
            let text = page.lines.map(\.text).joined(separator: "\n")
            let accuracy = OCRAccuracy.accuracy(recognised: text, reference: reference.textLayer(index))
            #expect(accuracy >= 0.97, "page \(page.number): \(accuracy) — \(text)")
            for line in page.lines {
                let box = try #require(line.box)
                #expect(box.x >= 0 && box.maxX <= 420 && box.y >= 0 && box.maxY <= 300)
                #expect(line.confidence != nil)
            }
        }
        #expect(result.pages[0].lines.count == Self.finnishLines.count)
    }

    @Test(.enabled(if: tesseractReady, "tesseract with fin and swe data is not installed"))
    func autoRecognisesOnlyTheImagePagesOfATextDocument() throws {
        let (scan, _) = try Self.scannedPDF([Self.finnishLines, Self.swedishLines])
        let textPage = PageText(
            number: 1, lines: [TextLine(text: "Tekstikerros", box: Box(x: 0, y: 0, width: 9, height: 9))])
        let extracted = ExtractedText(
            path: "x.pdf", sha256: "", byteCount: scan.count, pageCount: 2, status: .ok, method: .textLayer,
            pages: [textPage, PageText(number: 2, lines: [])],
            diagnostics: [Diagnostic(id: "extraction.no-text-layer", severity: .warning, message: "", page: 2)])
        let result = OCRExtractor().run(extracted, bytes: scan, password: nil)
        #expect(result.method == .textLayer)
        #expect(result.status == .ok)
        #expect(result.pages[0] == textPage)
        #expect(result.pages[1].lines.map(\.text).joined(separator: " ").contains("tillgängliga"))
        #expect(result.pages[1].ocrConfidence != nil && result.ocrConfidence != nil)
    }

    @Test(.enabled(if: tesseractReady, "tesseract with fin and swe data is not installed"))
    func aPageOverItsTimeoutIsSkippedWithADiagnostic() throws {
        let (scan, _) = try Self.scannedPDF([Self.finnishLines])
        let settings = OCRSettings(pageTimeout: 0.05)
        let result = OCRExtractor(settings: settings).run(Self.needsOCR("x.pdf", pages: 1), bytes: scan, password: nil)
        #expect(result.status == .needsOCR)
        #expect(result.diagnostics.contains { $0.id == "extraction.ocr-timeout" && $0.page == 1 })
        #expect(result.ocrConfidence == nil)
    }

    @Test(.enabled(if: tesseractReady, "tesseract with fin and swe data is not installed"))
    func missingLanguageDataIsNamed() throws {
        let settings = OCRSettings(languages: "fin+zzz")
        let result = OCRExtractor(settings: settings).run(
            Self.needsOCR("x.pdf", pages: 1),
            bytes: OCRTestPDF.make(pages: [["x"]]), password: nil)
        let diagnostic = try #require(result.diagnostics.first { $0.id == "extraction.ocr-unavailable" })
        #expect(diagnostic.message.contains("tesseract-ocr-zzz"))
        #expect(!diagnostic.message.contains("tesseract-ocr-fin"))
    }
}

/// A one-font text PDF for OCR tests: Helvetica with WinAnsiEncoding (covers ä, ö, å), one page per entry,
/// each line drawn at `fontSize`. Rendered to an image-only PDF by `ImageOnlyPDF`, it becomes a clean scan.
enum OCRTestPDF {
    static func make(pages: [[String]], width: Int = 420, height: Int = 300, fontSize: Int = 14) -> Data {
        var objects: [String] = []
        let pageIDs = pages.indices.map { 4 + 2 * $0 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(
            "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for lines in pages {
            var stream = "BT /F1 \(fontSize) Tf \(fontSize + 6) TL 24 \(height - 36) Td\n"
            for line in lines { stream += "(\(escape(line))) Tj T*\n" }
            stream += "ET"
            let contentID = objects.count + 2
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] "
                    + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(contentID) 0 R >>")
            let bytes = latin1(stream)
            objects.append("<< /Length \(bytes.count) >>\nstream\n\(stream)\nendstream")
        }
        var pdf = Data("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf.append(latin1("\(index + 1) 0 obj\n\(object)\nendobj\n"))
        }
        let xref = pdf.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        pdf.append(latin1(table))
        return pdf
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }

    private static func latin1(_ text: String) -> Data {
        text.data(using: .isoLatin1) ?? Data(text.utf8)
    }
}
