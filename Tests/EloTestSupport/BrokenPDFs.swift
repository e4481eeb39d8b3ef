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
            state = state &* 6364136223846793005 &+ 1442695040888963407
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

    private static func objects(pagesDictionary: String, text: String) -> Data {
        let content = Data("BT /F1 12 Tf 72 700 Td <\(MiniPDFWriter.winAnsiHex(text))> Tj ET".utf8)
        return MiniPDFWriter.assemble([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data(pagesDictionary.utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".utf8),
            MiniPDFWriter.stream(content),
        ])
    }
}
