import EloCore
import Foundation

/// Builders for the raw pages the normalisation stage takes: PDF-like pages with line boxes laid out like
/// a word processor's (A4, 11 pt text, 14 pt line pitch), and plain-text pages.
public enum NormalisationFixtures {
    public static let pageWidth = 595.0
    public static let pageHeight = 842.0

    /// One line of a PDF page; `x`/`y` in points from the top-left, `height` the glyph height.
    public struct Row: Sendable {
        public var text: String
        public var x: Double
        public var y: Double
        public var height: Double
        public var width: Double?

        public init(_ text: String, x: Double = 72, y: Double, height: Double = 11, width: Double? = nil) {
            self.text = text
            self.x = x
            self.y = y
            self.height = height
            self.width = width
        }
    }

    /// A PDF-like page; a row's width defaults to 5.2 pt per character, capped at the right margin.
    public static func pdfPage(_ number: Int, _ rows: [Row]) -> PageText {
        let lines = rows.map { row in
            let width = row.width ?? min(Double(row.text.count) * 5.2, pageWidth - 72 - row.x)
            return TextLine(text: row.text, box: Box(x: row.x, y: row.y, width: width, height: row.height))
        }
        return PageText(number: number, lines: lines, width: pageWidth, height: pageHeight)
    }

    /// Body rows laid out from `top` with a 14 pt pitch, every row full width except those marked short.
    public static func bodyRows(_ texts: [String], top: Double, x: Double = 72, pitch: Double = 14) -> [Row] {
        texts.enumerated().map { index, text in
            Row(text, x: x, y: top + Double(index) * pitch)
        }
    }

    /// A plain-text page: the lines of `text`, split at line feeds, without boxes.
    public static func plainPage(_ number: Int, _ text: String) -> PageText {
        PageText(
            number: number,
            lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { TextLine(text: String($0)) })
    }

    /// Wraps pages into what the extractor would hand over.
    public static func extracted(
        _ pages: [PageText], method: ExtractionMethod = .textLayer,
        status: ExtractionStatus = .ok, diagnostics: [Diagnostic] = []
    ) -> ExtractedText {
        var text = ExtractedText(
            path: "fixture.pdf", sha256: "00", byteCount: 1, method: method, diagnostics: diagnostics)
        text.pageCount = pages.count
        text.status = status
        text.encoding = method == .plainText ? "utf-8" : nil
        text.pages = pages
        return text
    }

    /// `../shared` next to the repository, when it is there (tests that use it skip without it).
    public static func sharedFolder(file: String = #filePath) -> URL? {
        var url = URL(fileURLWithPath: file)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let shared = url.deletingLastPathComponent().appendingPathComponent("shared")
                return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
            }
        }
        return nil
    }
}
