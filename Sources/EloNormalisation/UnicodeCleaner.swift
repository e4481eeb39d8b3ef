import CICUShim

/// Character-level clean-up of raw extracted text: the part of normalisation that works on single
/// characters, before lines are joined into passages.
///
/// `clean(_:)` expands ligatures (U+FB00–FB06), removes soft hyphens and zero-width characters, folds
/// every run of whitespace (tabs, NBSP, line breaks) into one space and trims the ends — but keeps a soft
/// hyphen that ends the text after a letter (`ohjaus\u{AD}`): it says the word goes on in the next line, and
/// ``LineBreakHyphenResolver`` joins the two and drops it; `normalise(_:)`
/// then runs ICU once over a whole block of text: NFC composition (`a` + U+0308 → `ä`) and removal of
/// stray repeated combining marks (`å` + U+030A → `å`).
public enum UnicodeCleaner {
    /// Expands ligatures, drops invisible characters and folds whitespace, scalar by scalar.
    public static func clean(_ text: Substring) -> String {
        needsCleaning(text) ? cleanScalarByScalar(text) : String(text)
    }

    static func cleanScalarByScalar(_ text: Substring) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var endsInSoftHyphen = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isInvisible(value) {
                if value == 0x00AD { endsInSoftHyphen = output.last?.properties.isAlphabetic == true }
                continue
            }
            if isSpace(scalar) {
                pendingSpace = !output.isEmpty
                continue
            }
            endsInSoftHyphen = false
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
        if endsInSoftHyphen { output.append("\u{00AD}") }
        return String(output)
    }

    /// `clean(_:)` for a whole string.
    public static func clean(_ text: String) -> String { clean(text[...]) }

    /// NFC plus the repeated-mark fix, through ICU; returns the input unchanged if ICU fails.
    public static func normalise(_ text: String) -> String {
        isSurelyNFC(text) ? text : normaliseThroughICU(text)
    }

    static func normaliseThroughICU(_ text: String) -> String {
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
                if written < 0 {
                    capacity = -written + 1
                    continue
                }
                return buffer.withMemoryRebound(to: UInt8.self, capacity: Int(written)) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(written)), as: UTF8.self)
                }
            }
            return text
        }
    }

    /// Text whose scalars all lie below U+0300 (ASCII, Latin-1, Latin Extended) or in a few blocks with no
    /// decompositions and no combining marks (dashes, quotes and bullets of General Punctuation, currency
    /// signs, arrows, geometric shapes, private-use bullets) is already NFC and has no marks to repair, so
    /// ICU need not see it: that is nearly every Finnish and Swedish page.
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            switch scalar.value {
            case 0x2010...0x206F, 0x20A0...0x20BF, 0x2190...0x2199, 0x25A0...0x25FF, 0xE000...0xF8FF: continue
            default: return false
            }
        }
        return true
    }

    /// Whether `clean` would change `text`: most lines of a text layer are already clean, and copying them
    /// scalar by scalar is the expensive part. Only ASCII control bytes, spaces at the ends or doubled, and
    /// the UTF-8 sequences of the non-ASCII scalars `clean` touches (invisible, space, ligature) say yes.
    static func needsCleaning(_ text: Substring) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            if first == 0x20 || last == 0x20 { return true }
            var previous: UInt8 = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || (byte == 0x20 && previous == 0x20) { return true }
                if byte >= 0xC2, byte <= 0xEF, touchedSequence(bytes, at: index) { return true }
                previous = byte
                index += 1
            }
            return false
        }
        return answer ?? needsCleaning(Substring(String(text)))
    }

    /// Whether the UTF-8 sequence at `index` encodes a scalar `clean` removes or replaces: U+0085, U+00A0,
    /// U+00AD, U+1680, U+2000–U+200D, U+2028, U+2029, U+202F, U+205F, U+2060, U+3000, U+FB00–U+FB06, U+FEFF.
    private static func touchedSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let lead = bytes[index]
        let second: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch lead {
        case 0xC2: return second == 0x85 || second == 0xA0 || second == 0xAD
        case 0xE1: return second == 0x9A && third == 0x80
        case 0xE2:
            if second == 0x80 { return third <= 0x8D || third == 0xA8 || third == 0xA9 || third == 0xAF }
            return second == 0x81 && (third == 0x9F || third == 0xA0)
        case 0xE3: return second == 0x80 && third == 0x80
        case 0xEF: return (second == 0xAC && third <= 0x86) || (second == 0xBB && third == 0xBF)
        default: return false
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
        // The rest of Unicode's White_Space: NEL, Ogham space, the U+2000 spaces, line and paragraph
        // separators, medium mathematical space.
        case 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x205F: return true
        default: return false
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
