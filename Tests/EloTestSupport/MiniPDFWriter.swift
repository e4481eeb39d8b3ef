import Foundation

/// A tiny PDF writer for fixtures: pages of text lines (Helvetica, WinAnsiEncoding, so ä ö å € “ ” work),
/// optional running header and footer with page numbers, and image-only pages (a small grey image, no text).
/// Streams are written uncompressed, so the text can also be found in the bytes.
public struct MiniPDFWriter: Sendable {
    /// One line of text; `y` is the baseline's distance from the top of the page, in points.
    public struct Line: Sendable {
        public var text: String
        public var x: Double
        public var y: Double
        public var fontSize: Double
        /// Set in Helvetica-Bold instead of Helvetica.
        public var bold: Bool

        public init(_ text: String, x: Double = 72, y: Double, fontSize: Double = 11, bold: Bool = false) {
            self.text = text
            self.x = x
            self.y = y
            self.fontSize = fontSize
            self.bold = bold
        }
    }

    /// A page: text lines, or (when `image` is set) a grey image and no text at all.
    public struct Page: Sendable {
        public var lines: [Line]
        public var image: Bool

        public init(lines: [Line]) {
            self.lines = lines
            self.image = false
        }

        /// A scanned-looking page: one image, no text layer.
        public static var imageOnly: Page {
            var page = Page(lines: [])
            page.image = true
            return page
        }

        /// Lines of `texts`, one below the other from `top`, `leading` points apart.
        public static func text(
            _ texts: [String], top: Double = 100, leading: Double = 14, fontSize: Double = 11,
            x: Double = 72
        ) -> Page {
            Page(lines: texts.enumerated().map { Line($1, x: x, y: top + Double($0) * leading, fontSize: fontSize) })
        }
    }

    public var pages: [Page]
    public var width: Double = 595
    public var height: Double = 842
    /// Drawn at the top of every text page; `{page}` becomes the page number.
    public var runningHeader: String?
    /// Drawn at the bottom of every text page; `{page}` becomes the page number.
    public var runningFooter: String?

    public init(pages: [Page], runningHeader: String? = nil, runningFooter: String? = nil) {
        self.pages = pages
        self.runningHeader = runningHeader
        self.runningFooter = runningFooter
    }

    /// The PDF file's bytes.
    public func data() -> Data {
        var objects: [Data] = []  // objects[i] is object number i + 1
        objects.append(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Data())  // the page tree, filled in once page numbers are known
        objects.append(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        var kids: [Int] = []
        // a bold font only when a line asks for it, as the last object (the other objects keep their numbers)
        let usesBold = pages.contains { $0.lines.contains(where: \.bold) }
        let boldObject = 3 + pages.reduce(0) { $0 + ($1.image ? 3 : 2) } + 1
        for (index, page) in pages.enumerated() {
            let pageObject = objects.count + 1
            let contentObject = pageObject + 1
            var resources = usesBold ? "/Font << /F1 3 0 R /F2 \(boldObject) 0 R >>" : "/Font << /F1 3 0 R >>"
            var extra: [Data] = []
            if page.image {
                resources += " /XObject << /Im1 \(contentObject + 1) 0 R >>"
                extra.append(Self.greyImage())
            }
            objects.append(
                Data(
                    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.num(width)) \(Self.num(height))] "
                        + "/Resources << \(resources) >> /Contents \(contentObject) 0 R >>").utf8))
            objects.append(Self.stream(content(for: page, number: index + 1)))
            objects.append(contentsOf: extra)
            kids.append(pageObject)
        }
        if usesBold {
            objects.append(
                Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        }
        let kidList = kids.map { "\($0) 0 R" }.joined(separator: " ")
        objects[1] = Data("<< /Type /Pages /Kids [\(kidList)] /Count \(kids.count) >>".utf8)
        return Self.assemble(objects)
    }

    private func content(for page: Page, number: Int) -> Data {
        if page.image {
            return Data("q 400 0 0 300 98 400 cm /Im1 Do Q\n".utf8)
        }
        var lines = page.lines
        if let header = runningHeader {
            lines.insert(Line(header.replacingOccurrences(of: "{page}", with: "\(number)"), y: 40, fontSize: 9), at: 0)
        }
        if let footer = runningFooter {
            lines.append(
                Line(footer.replacingOccurrences(of: "{page}", with: "\(number)"), y: height - 30, fontSize: 9))
        }
        var out = Data()
        for line in lines {
            out.append(
                Data(
                    "BT /\(line.bold ? "F2" : "F1") \(Self.num(line.fontSize)) Tf \(Self.num(line.x)) \(Self.num(height - line.y)) Td <"
                        .utf8))
            out.append(Data(Self.winAnsiHex(line.text).utf8))
            out.append(Data("> Tj ET\n".utf8))
        }
        return out
    }

    /// Text as hex of its WinAnsiEncoding bytes; characters outside it become "?".
    static func winAnsiHex(_ text: String) -> String {
        let specials: [UInt32: UInt8] = [
            0x20AC: 0x80, 0x201A: 0x82, 0x201E: 0x84, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92,
            0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        ]
        return text.unicodeScalars.map { scalar -> String in
            let v = scalar.value
            let byte: UInt8 = (v < 0x80 || (v >= 0xA0 && v <= 0xFF)) ? UInt8(v) : (specials[v] ?? 0x3F)
            return String(format: "%02X", byte)
        }.joined()
    }

    private static func greyImage() -> Data {
        let side = 16
        let pixels = Data((0..<(side * side)).map { UInt8(($0 * 7) % 256) })
        var out = Data(
            "<< /Type /XObject /Subtype /Image /Width \(side) /Height \(side) /ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(pixels.count) >>\nstream\n"
                .utf8)
        out.append(pixels)
        out.append(Data("\nendstream".utf8))
        return out
    }

    static func stream(_ body: Data) -> Data {
        var out = Data("<< /Length \(body.count) >>\nstream\n".utf8)
        out.append(body)
        out.append(Data("\nendstream".utf8))
        return out
    }

    /// Header, numbered objects, cross-reference table and trailer, with correct byte offsets.
    static func assemble(_ objects: [Data]) -> Data {
        var out = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(index + 1) 0 obj\n".utf8))
            out.append(object)
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }

    static func num(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
