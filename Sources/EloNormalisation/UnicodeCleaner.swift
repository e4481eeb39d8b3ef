import CICUShim

/// Character-level clean-up of raw extracted text: the part of normalisation that works on single
/// characters, before lines are joined into passages.
///
/// `clean(_:)` expands ligatures (U+FB00–FB06), removes soft hyphens and zero-width characters, folds
/// every run of whitespace (tabs, NBSP, line breaks) into one space and trims the ends; `normalise(_:)`
/// then runs ICU once over a whole block of text: NFC composition (`a` + U+0308 → `ä`) and removal of
/// stray repeated combining marks (`å` + U+030A → `å`).
public enum UnicodeCleaner {
    /// Expands ligatures, drops invisible characters and folds whitespace, scalar by scalar.
    public static func clean(_ text: Substring) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isInvisible(value) { continue }
            if isSpace(scalar) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            if value >= 0xFB00, value <= 0xFB06 {
                output.append(contentsOf: ligature(value).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `clean(_:)` for a whole string.
    public static func clean(_ text: String) -> String { clean(text[...]) }

    /// NFC plus the repeated-mark fix, through ICU; returns the input unchanged if ICU fails.
    public static func normalise(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }  // ASCII is already NFC
        var source = text
        return source.withUTF8 { input -> String in
            let length = Int32(input.count)
            var capacity = Int32(input.count + 16)
            for _ in 0..<2 {
                let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(capacity))
                defer { buffer.deallocate() }
                let written = input.withMemoryRebound(to: CChar.self) {
                    elo_normalise_text_utf8($0.baseAddress, length, buffer, capacity)
                }
                if written == Int32.min { return text }
                if written < 0 { capacity = -written + 1; continue }
                return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(written)), as: UTF8.self)
                }
            }
            return text
        }
    }

    /// Soft hyphen, zero-width space/joiners, word joiner, BOM.
    static func isInvisible(_ value: UInt32) -> Bool {
        value == 0x00AD || (value >= 0x200B && value <= 0x200D) || value == 0x2060 || value == 0xFEFF
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0x3000: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }

    static func ligature(_ value: UInt32) -> String {
        switch value {
        case 0xFB00: "ff"
        case 0xFB01: "fi"
        case 0xFB02: "fl"
        case 0xFB03: "ffi"
        case 0xFB04: "ffl"
        default: "st"  // U+FB05 long s + t, U+FB06 st
        }
    }
}
