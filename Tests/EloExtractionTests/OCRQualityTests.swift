import EloClassification
import EloCore
import Foundation
import Testing

@testable import EloExtraction

/// The OCR quality measurement behind `scripts/ocr-quality.sh`: text PDFs are rendered at 300 dpi, wrapped
/// as image-only PDFs, recognised, and compared with their text layer (character accuracy per language,
/// labels found on the OCR text vs the original); scanned PDFs are recognised and timed.
///
/// Runs only when `ELO_OCR_QUALITY=1` (it takes minutes) and Tesseract is installed. Inputs, one per line:
/// `ELO_OCR_QUALITY_PDFS` (`fi:path` or `sv:path`), `ELO_OCR_QUALITY_SCANNED` (paths); pages
/// `ELO_OCR_QUALITY_FROM`…`+ELO_OCR_QUALITY_PAGES`; the report goes to `ELO_OCR_QUALITY_REPORT`.
@Suite struct OCRQualityTests {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = environment["ELO_OCR_QUALITY"] == "1" && OCRExtractionTests.tesseractReady
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Tally {
        var distance = 0, length = 0, pages = 0, seconds = 0.0, labelsOriginal = 0, labelsBoth = 0, labelsOCROnly = 0
        var accuracy: Double { length == 0 ? 0 : 1 - Double(distance) / Double(length) }
    }

    @Test(.enabled(if: enabled, "set ELO_OCR_QUALITY=1 (scripts/ocr-quality.sh) with tesseract installed"))
    func measure() throws {
        // Default: pages from the middle of each document (title and contents pages are not typical text).
        let fixedFrom = Int(Self.environment["ELO_OCR_QUALITY_FROM"] ?? "")
        let count = Int(Self.environment["ELO_OCR_QUALITY_PAGES"] ?? "") ?? 2
        let settings = OCRSettings(languages: Self.environment["ELO_OCR_LANGUAGES"] ?? "fin+swe")
        let classifier = try Self.classifier()
        var report = [
            "# OCR quality (\(settings.languages), \(Int(settings.dpi)) dpi, \(count) page(s) per PDF from "
                + (fixedFrom.map { "page \($0)" } ?? "the middle") + ")", "",
            "| file | lang | pages | char accuracy | confidence | s/page | labels orig | kept | new |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        var tallies: [String: Tally] = [:]
        for entry in Self.list("ELO_OCR_QUALITY_PDFS") {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (language, path) = (parts[0], parts[1])
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let source = try PageRenderer(data: original, password: nil)
            let from = fixedFrom ?? max(2, (source.pageCount - count) / 2 + 1)
            let first = max(0, min(from, source.pageCount) - 1)
            let pages = first..<min(source.pageCount, first + count)
            let scanURL = FileManager.default.temporaryDirectory.appendingPathComponent(
                "elo-quality-\(UUID().uuidString).pdf")
            defer { try? FileManager.default.removeItem(at: scanURL) }
            try source.writeImageOnlyPDF(to: scanURL, dpi: 300, pages: pages)
            let scan = try Data(contentsOf: scanURL)
            let start = Date()
            let result = OCRExtractor(settings: settings).run(
                OCRExtractionTests.needsOCR(path, pages: pages.count),
                bytes: scan, password: nil)
            let seconds = Date().timeIntervalSince(start)
            var tally = tallies[language, default: Tally()]
            var distance = 0
            var length = 0
            var originalTexts: [String] = []
            var ocrTexts: [String] = []
            for (offset, index) in pages.enumerated() {
                let reference = source.textLayer(index)
                let recognised =
                    result.pages.first { $0.number == offset + 1 }?.lines.map(\.text).joined(separator: "\n") ?? ""
                let measured = OCRAccuracy.distance(recognised: recognised, reference: reference)
                distance += measured.distance
                length += measured.length
                originalTexts.append(reference)
                ocrTexts.append(recognised)
            }
            let labels = Self.labels(classifier, originalTexts, language: language)
            let ocrLabels = Self.labels(classifier, ocrTexts, language: language)
            tally.distance += distance
            tally.length += length
            tally.pages += pages.count
            tally.seconds += seconds
            tally.labelsOriginal += labels.count
            tally.labelsBoth += labels.intersection(ocrLabels).count
            tally.labelsOCROnly += ocrLabels.subtracting(labels).count
            tallies[language] = tally
            let accuracy = length == 0 ? 0 : 1 - Double(distance) / Double(length)
            report.append(
                "| \(URL(fileURLWithPath: path).lastPathComponent) | \(language) | \(pages.count) | "
                    + "\(Self.percent(accuracy)) | \(Self.percent(result.ocrConfidence ?? 0)) | "
                    + "\(String(format: "%.1f", seconds / Double(max(1, pages.count)))) | \(labels.count) | "
                    + "\(labels.intersection(ocrLabels).count) | \(ocrLabels.subtracting(labels).count) |")
        }
        report += [
            "", "| language | pages | char accuracy | pages/s | labels kept / original | labels only on OCR |",
            "|---|---|---|---|---|---|",
        ]
        for (language, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            report.append(
                "| \(language) | \(tally.pages) | \(Self.percent(tally.accuracy)) | "
                    + "\(String(format: "%.3f", Double(tally.pages) / max(tally.seconds, 0.001))) | "
                    + "\(tally.labelsBoth) / \(tally.labelsOriginal) | \(tally.labelsOCROnly) |")
        }
        let scanned = Self.list("ELO_OCR_QUALITY_SCANNED")
        if !scanned.isEmpty {
            report += [
                "", "| scanned file | pages | status | method | confidence | s/page | first words |",
                "|---|---|---|---|---|---|---|",
            ]
        }
        for path in scanned {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let pageCount = try PageRenderer(data: bytes, password: nil).pageCount
            let start = Date()
            let result = OCRExtractor(
                settings: OCRSettings(languages: Self.environment["ELO_OCR_SCANNED_LANGUAGES"] ?? "eng")
            )
            .run(OCRExtractionTests.needsOCR(path, pages: pageCount), bytes: bytes, password: nil)
            let seconds = Date().timeIntervalSince(start)
            let words = result.pages.flatMap(\.lines).map(\.text).joined(separator: " ").split(separator: " ").prefix(8)
            report.append(
                "| \(URL(fileURLWithPath: path).lastPathComponent) | \(pageCount) | \(result.status.rawValue) | "
                    + "\(result.method.rawValue) | \(Self.percent(result.ocrConfidence ?? 0)) | "
                    + "\(String(format: "%.1f", seconds / Double(max(1, pageCount)))) | \(words.joined(separator: " ")) |"
            )
            #expect(result.status.isReadable, "\(path): \(result.diagnostics.map(\.message))")
        }
        let text = report.joined(separator: "\n") + "\n"
        print(text)
        if let out = Self.environment["ELO_OCR_QUALITY_REPORT"] {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        }
        for (language, tally) in tallies where tally.length > 0 {
            #expect(tally.accuracy >= 0.97, "\(language): character accuracy \(Self.percent(tally.accuracy)) below 97%")
        }
    }

    static func list(_ name: String) -> [String] {
        (environment[name] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }

    static func classifier() throws -> PassageClassifier? {
        let pipeline = repository.appendingPathComponent(
            environment["ELO_OCR_QUALITY_PIPELINE"] ?? "pipelines/elo-2014.yaml")
        guard FileManager.default.fileExists(atPath: pipeline.path) else { return nil }
        return try PassageClassifier(configuration: try PipelineConfiguration.load(pipeline))
    }

    /// The labels given to a document whose pages are passed as crude passages, one per page (the normaliser
    /// is not involved, so original and OCR text are cut the same way).
    static func labels(_ classifier: PassageClassifier?, _ pages: [String], language: String) -> Set<String> {
        guard let classifier else { return [] }
        let lang: Language = language == "sv" ? .swedish : .finnish
        var passages: [Passage] = []
        for (number, page) in pages.enumerated() {
            let text = OCRAccuracy.normalise(page)
            guard !text.isEmpty else { continue }
            passages.append(Passage(page: number + 1, index: 0, kind: .paragraph, language: lang, text: text))
        }
        return Set(classifier.classify(passages).flatMap { $0.map(\.id) })
    }
}
