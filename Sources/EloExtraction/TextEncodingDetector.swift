import CICUShim
import Foundation

/// Decides how the bytes of a plain-text file are decoded, and decodes them.
///
/// Order: a byte-order mark wins; then valid UTF-8; then UTF-16 without a mark when ICU is sure of it;
/// then the legacy single-byte encodings common for Finnish text — Windows-1252 when the file uses the
/// bytes 0x80–0x9F that only it maps to printable characters, else ISO-8859-1. Never guesses an encoding
/// that would turn valid UTF-8 into mojibake.
enum TextEncodingDetector {
    /// The decoded text and how it was read.
    struct Decoded: Equatable {
        var text: String
        /// Name as recorded in `ExtractedText.encoding`: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, `iso-8859-1`.
        var encoding: String
        /// Why, when the encoding was inferred rather than marked or validated.
        var assumption: String?
        /// UTF-8 marked by a BOM but with invalid sequences (replaced by U+FFFD).
        var hadInvalidBytes = false
    }

    /// Returns nil for binary data (NUL bytes outside UTF-16, or many control characters).
    static func decode(_ bytes: Data) -> Decoded? {
        let b = [UInt8](bytes)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = b[3...]
            let text = String(decoding: body, as: UTF8.self)
            return Decoded(
                text: text, encoding: "utf-8", hadInvalidBytes: String(validating: body, as: UTF8.self) == nil)
        }
        if b.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: utf16(b[2...], bigEndian: false), encoding: "utf-16le")
        }
        if b.starts(with: [0xFE, 0xFF]) { return Decoded(text: utf16(b[2...], bigEndian: true), encoding: "utf-16be") }
        if let unmarked = unmarkedUTF16(b) { return unmarked }
        if isBinary(b) { return nil }
        if let text = String(validating: b, as: UTF8.self) { return Decoded(text: text, encoding: "utf-8") }
        return legacy(b)
    }

    private static func legacy(_ b: [UInt8]) -> Decoded {
        let usesC1 = b.contains { $0 >= 0x80 && $0 <= 0x9F }
        let allC1Printable = !b.contains { $0 >= 0x80 && $0 <= 0x9F && Windows1252.table[Int($0 - 0x80)] == nil }
        if usesC1 && allC1Printable {
            return Decoded(
                text: Windows1252.decode(b), encoding: "windows-1252",
                assumption: "not UTF-8; bytes 0x80–0x9F used as Windows-1252 punctuation")
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: b.lazy.map { Unicode.Scalar($0) })
        let why = usesC1 ? "not UTF-8; bytes 0x80–0x9F undefined in Windows-1252" : "not UTF-8, no BOM"
        return Decoded(text: String(scalars), encoding: "iso-8859-1", assumption: why)
    }

    /// UTF-16 without a byte-order mark, accepted only when ICU detects it with high confidence and the
    /// NUL bytes sit in alternate positions as UTF-16 text of Latin letters has them.
    private static func unmarkedUTF16(_ b: [UInt8]) -> Decoded? {
        guard b.count >= 4, b.count % 2 == 0, b.contains(0) else { return nil }
        guard let (name, confidence) = icuGuess(b), confidence >= 80 else { return nil }
        switch name.uppercased() {
        case "UTF-16LE":
            return Decoded(
                text: utf16(b[...], bigEndian: false), encoding: "utf-16le",
                assumption: "no BOM; ICU detected UTF-16LE with confidence \(confidence)")
        case "UTF-16BE":
            return Decoded(
                text: utf16(b[...], bigEndian: true), encoding: "utf-16be",
                assumption: "no BOM; ICU detected UTF-16BE with confidence \(confidence)")
        default:
            return nil
        }
    }

    /// ICU's best guess for the first 64 KiB.
    static func icuGuess(_ b: [UInt8]) -> (name: String, confidence: Int)? {
        let sample = b.prefix(65_536)
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let status = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                elo_detect_charset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count), &confidence)
            }
        }
        guard status == 0 else { return nil }
        return (
            String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
            Int(confidence)
        )
    }

    /// NUL bytes, or more than 2% control characters other than tab, line ends and form feed, in the
    /// first 64 KiB.
    static func isBinary(_ b: [UInt8]) -> Bool {
        let sample = b.prefix(65_536)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        return controls * 50 > sample.count
    }

    private static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let first = UInt16(body[index])
            let second = UInt16(body[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
