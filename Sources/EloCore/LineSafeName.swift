/// A file name as it may appear on one line of a summary, log or CSV file: control characters (a newline, a
/// tab, an escape) and the Unicode line and paragraph separators are written as `\n`, `\t`, `\u{1B}`, and bytes
/// that are not UTF-8 as `\xFF`, so that a name never splits a line or moves a terminal's cursor.
public enum LineSafeName {
    /// `name` with every character that could break a line written as an escape.
    public static func escape(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsEscape) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Raw name bytes: valid UTF-8 escaped as `escape` does, each other byte as `\xHH`.
    public static func escape(bytes: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 0, let text = String(validating: bytes[index..<index + length], as: UTF8.self) {
                out += escape(text)
                index += length
            } else {
                out += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The length of the UTF-8 sequence its lead byte announces, if the bytes are there; 0 for a bad lead byte.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        return index + length <= bytes.count ? length : 0
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
