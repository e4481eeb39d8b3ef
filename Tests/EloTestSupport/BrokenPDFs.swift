import Foundation

/// Builders for the kinds of broken PDFs regions send: each returns the file's bytes.
public enum BrokenPDFs {
    /// 0 bytes.
    public static var zeroBytes: Data { Data() }

    /// The first `fraction` of a valid PDF (cut inside its objects; no xref, no trailer).
    public static func truncated(_ pdf: Data, fraction: Double = 0.5) -> Data {
        pdf.prefix(max(1, Int(Double(pdf.count) * fraction)))
    }

    /// A `%PDF` header followed by `count` bytes of reproducible noise.
    public static func garbage(count: Int = 4096, seed: UInt64 = 42, header: Bool = true) -> Data {
        var state = seed
        var out = header ? Data("%PDF-1.4\n".utf8) : Data()
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        return out
    }

    /// One text page whose page tree lists itself among its kids (Kids pointing back to the parent).
    public static func pageTreeLoop(text: String = "Silmukka") -> Data {
        objects(pagesDictionary: "<< /Type /Pages /Kids [4 0 R 2 0 R] /Count 2 >>", text: text)
    }

    /// One text page under a page tree claiming `count` pages.
    public static func absurdPageCount(_ count: Int = 213_804_087, text: String = "Liikaa sivuja") -> Data {
        objects(pagesDictionary: "<< /Type /Pages /Kids [4 0 R] /Count \(count) >>", text: text)
    }

    /// A valid one-page PDF whose `startxref` points at the wrong byte, so readers must rebuild the xref.
    public static func badXrefPointer(text: String = "Vaurioitunut") -> Data {
        let good = MiniPDFWriter(pages: [.text([text])]).data()
        let string = String(decoding: good, as: UTF8.self)
        guard let range = string.range(of: "startxref\n", options: .backwards) else { return good }
        let tail = string[range.upperBound...]
        let digits = tail.prefix { $0.isNumber }
        return Data((string[..<range.upperBound] + "17" + tail.dropFirst(digits.count)).utf8)
    }

    /// A valid PDF written with mixed line ends, as some office exporters write them: `xref\n`, then `0 n\r\n`
    /// and entries ending in `\r\n` or ` \n` by turns, objects ended by `\r\n`, and each in-use entry pointing at
    /// the line feed just before its object (readers skip white space before an object's header).
    public static func mixedLineEnds(pages: [String] = ["Ohjauspalvelut"]) -> Data {
        layout(textPages(pages), entryShift: -1, entryEnds: ["\r\n", " \n"])
    }

    /// A PDF whose cross-reference entries all point `shift` bytes past their objects, so readers must rebuild
    /// the table by scanning; every object is still in the file. With `droppingContentOf` (a 1-based page), that
    /// page's content stream is left out of the file although the table lists it: its text is really lost.
    public static func shiftedXrefOffsets(
        by shift: Int = 1, pages: [String] = ["Siirtynyt"],
        droppingContentOf lostPage: Int? = nil
    ) -> Data {
        var objects = textPages(pages)
        if let lostPage { objects[2 + 2 * lostPage] = nil }
        return layout(objects, entryShift: shift, entryEnds: ["\r\n"])
    }

    /// Catalog, page tree and font, then a page object and its content stream for each text.
    private static func textPages(_ texts: [String]) -> [Data?] {
        let kids = texts.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        var objects: [Data?] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [\(kids)] /Count \(texts.count) >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
        ]
        for (index, text) in texts.enumerated() {
            objects.append(
                Data(
                    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                        + "/Contents \(5 + 2 * index) 0 R >>").utf8))
            objects.append(
                MiniPDFWriter.stream(Data("BT /F1 12 Tf 72 700 Td <\(MiniPDFWriter.winAnsiHex(text))> Tj ET".utf8)))
        }
        return objects
    }

    private static func objects(pagesDictionary: String, text: String) -> Data {
        let content = Data("BT /F1 12 Tf 72 700 Td <\(MiniPDFWriter.winAnsiHex(text))> Tj ET".utf8)
        return MiniPDFWriter.assemble([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data(pagesDictionary.utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Data(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>"
                    .utf8),
            MiniPDFWriter.stream(content),
        ])
    }

    /// Objects ended by `\r\n` (a nil object is listed in the table but not written), then a table `xref\n`,
    /// `0 n\r\n` whose entries end in `entryEnds` by turns and point `entryShift` bytes off their objects.
    private static func layout(_ objects: [Data?], entryShift: Int, entryEnds: [String]) -> Data {
        var out = Data("%PDF-1.4\r\n%\u{E2}\u{E3}\u{CF}\u{D3}\r\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count + entryShift)
            guard let object else { continue }
            out.append(Data("\(index + 1) 0 obj\r\n".utf8))
            out.append(object)
            out.append(Data("\r\nendobj\r\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\r\n0000000000 65535 f\r\n"
        for (index, offset) in offsets.enumerated() {
            table += String(format: "%010d 00000 n", offset) + entryEnds[index % entryEnds.count]
        }
        table += "trailer\r\n<< /Size \(objects.count + 1) /Root 1 0 R >>\r\nstartxref\r\n\(xref)\r\n%%EOF\r\n"
        out.append(Data(table.utf8))
        return out
    }
}
