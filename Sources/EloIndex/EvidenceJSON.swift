import EloCore

/// The `evidence` column of `labels` and `near_misses`: a JSON array of objects
/// `{"cue": "laatu", "text": "laadun", "start": 10, "end": 16}` (character offsets into the passage text).
///
/// A night's ingest writes tens of thousands of these and the reports read them back, so both directions
/// are done here by hand over UTF-8 bytes, not through `JSONEncoder`/`JSONDecoder`. Writing always gives
/// standard JSON. Reading accepts exactly that shape (keys in any order, any JSON whitespace, string escapes
/// including `\u` surrogate pairs) and returns nil for anything else, so that a caller can fall back to
/// Foundation's decoder.
public enum EvidenceJSON {
    public static func encode(_ evidence: [PassageLabel.Evidence]) -> String {
        var out: [UInt8] = [0x5B]  // [
        out.reserveCapacity(64 * evidence.count + 2)
        for (index, item) in evidence.enumerated() {
            if index > 0 { out.append(0x2C) }
            out += Array(#"{"cue":"#.utf8)
            appendString(item.cue, to: &out)
            out += Array(#","text":"#.utf8)
            appendString(item.text, to: &out)
            out += Array(#","start":"#.utf8)
            out += Array(String(item.start).utf8)
            out += Array(#","end":"#.utf8)
            out += Array(String(item.end).utf8)
            out.append(0x7D)  // }
        }
        out.append(0x5D)  // ]
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// The evidence in `json`, or nil when it is not exactly the shape `encode` writes (up to key order and
    /// whitespace).
    public static func decode(_ json: String) -> [PassageLabel.Evidence]? {
        var json = json
        return json.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.evidence()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func evidence() -> [PassageLabel.Evidence]? {
            guard take(0x5B) else { return nil }
            var items: [PassageLabel.Evidence] = []
            if take(0x5D) { return finished() ? items : nil }
            repeat {
                guard let item = object() else { return nil }
                items.append(item)
            } while take(0x2C)
            guard take(0x5D), finished() else { return nil }
            return items
        }

        private mutating func object() -> PassageLabel.Evidence? {
            guard take(0x7B) else { return nil }
            var cue: String?, text: String?, start: Int?, end: Int?
            repeat {
                guard let key = string(), take(0x3A) else { return nil }
                switch key {
                case "cue": cue = string()
                case "text": text = string()
                case "start": start = integer()
                case "end": end = integer()
                default: return nil
                }
            } while take(0x2C)
            guard take(0x7D), let cue, let text, let start, let end else { return nil }
            return PassageLabel.Evidence(cue: cue, text: text, start: start, end: end)
        }

        /// Skips whitespace; consumes `byte` if it comes next.
        private mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        private mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        }

        private mutating func finished() -> Bool {
            skipSpace()
            return at == bytes.count
        }

        private mutating func integer() -> Int? {
            skipSpace()
            var negative = false
            if at < bytes.count, bytes[at] == 0x2D { negative = true; at += 1 }
            var value = 0, digits = 0
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 18 {
                value = value * 10 + Int(bytes[at] - 0x30)
                at += 1
                digits += 1
            }
            guard digits > 0, at >= bytes.count || !(bytes[at] >= 0x30 && bytes[at] <= 0x39 || bytes[at] == 0x2E || bytes[at] | 0x20 == 0x65) else { return nil }
            return negative ? -value : value
        }

        private mutating func string() -> String? {
            guard take(0x22) else { return nil }
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case 0x22: return String(validating: out, as: UTF8.self)
                case 0x5C:
                    guard at < bytes.count else { return nil }
                    let escape = bytes[at]
                    at += 1
                    switch escape {
                    case 0x22, 0x5C, 0x2F: out.append(escape)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard var code = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(code) {
                            // a surrogate pair: the low half must follow as \uDC00…\uDFFF
                            guard at + 1 < bytes.count, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else { return nil }
                            at += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        out += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0..<0x20: return nil  // control characters must be escaped
                default: out.append(byte)
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at] | 0x20
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                at += 1
            }
            return value
        }
    }
}
