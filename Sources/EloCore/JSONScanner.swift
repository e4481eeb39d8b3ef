/// Reads JSON of a shape known in advance straight from UTF-8 bytes, for the few places where elo moves a
/// lot of it (the worker's answers, the evidence column): no intermediate values, no `Codable` machinery.
/// Every method consumes what it reads and returns nil (or false) when the next token is not what was asked
/// for; callers then give up and use Foundation's decoder instead.
public struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Skips whitespace; consumes `byte` (an ASCII structural character) if it comes next.
    public mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// Whether only whitespace is left.
    public mutating func finished() -> Bool {
        skipSpace()
        return at == bytes.count
    }

    /// Consumes `null` if it comes next.
    public mutating func null() -> Bool {
        skipSpace()
        guard at + 4 <= bytes.count, bytes[at] == 0x6E, bytes[at + 1] == 0x75, bytes[at + 2] == 0x6C,
            bytes[at + 3] == 0x6C
        else { return false }
        at += 4
        return true
    }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 {
            at += 1
        }
    }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte | 0x20 == 0x65
    }

    /// An integer written without fraction or exponent.
    public mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if at < bytes.count, bytes[at] == 0x2D {
            negative = true
            at += 1
        }
        var value = 0
        var digits = 0
        while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < 18 {
            value = value * 10 + Int(bytes[at] - 0x30)
            at += 1
            digits += 1
        }
        guard digits > 0, at >= bytes.count || !isNumberByte(bytes[at]) else { return nil }
        return negative ? -value : value
    }

    /// Any JSON number.
    public mutating func double() -> Double? {
        skipSpace()
        let start = at
        while at < bytes.count, isNumberByte(bytes[at]) { at += 1 }
        guard at > start else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self))
    }

    /// A string, with every JSON escape (`\u` surrogate pairs included) resolved.
    public mutating func string() -> String? {
        guard take(0x22) else { return nil }
        // Fast path: no escapes before the closing quote.
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x22 {
                at += 1
                return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at - 1]), as: UTF8.self)
            }
            if byte == 0x5C || byte < 0x20 { break }
            at += 1
        }
        var out = Array(bytes[start..<at])
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

    /// Reads `{"key": value, …}`: `field` reads each member's value after its key and returns false for a key
    /// it does not know (then so does this).
    public mutating func object(_ field: (String, inout JSONScanner) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            guard let key = string(), take(0x3A), field(key, &self) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    /// Reads `[item, …]`; nil when an item cannot be read.
    public mutating func array<Item>(_ item: (inout JSONScanner) -> Item?) -> [Item]? {
        guard take(0x5B) else { return nil }
        var items: [Item] = []
        if take(0x5D) { return items }
        repeat {
            guard let next = item(&self) else { return nil }
            items.append(next)
        } while take(0x2C)
        return take(0x5D) ? items : nil
    }

    /// A value or JSON `null` (nil inside: null; nil outside: neither).
    public mutating func optional<Value>(_ value: (inout JSONScanner) -> Value?) -> Value?? {
        if null() { return .some(nil) }
        return value(&self).map { .some($0) }
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

/// Writes JSON into UTF-8 bytes, the counterpart of ``JSONScanner``. Commas between members and elements are
/// written as needed: `beginObject(); field("page", 3); field("text", "…"); endObject()`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// A value was just completed, so the next member or element needs a comma first.
    private var needsComma = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
        needsComma = false
    }

    public mutating func beginObject() {
        separate()
        bytes.append(0x7B)
    }
    public mutating func endObject() {
        bytes.append(0x7D)
        needsComma = true
    }
    public mutating func beginArray() {
        separate()
        bytes.append(0x5B)
    }
    public mutating func endArray() {
        bytes.append(0x5D)
        needsComma = true
    }

    /// A member's key (known to need no escaping) and its colon; the value follows.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += [0x22, 0x3A]
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }
    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        integer(value)
    }
    /// False (and nothing usable written) for infinity and NaN.
    public mutating func field(_ name: StaticString, _ value: Double) -> Bool {
        key(name)
        return double(value)
    }

    public mutating func integer(_ value: Int) {
        separate()
        bytes += Array(String(value).utf8)
        needsComma = true
    }

    /// A finite number in Swift's shortest round-trip form (valid JSON); false for infinity and NaN.
    public mutating func double(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        separate()
        bytes += Array(value.description.utf8)
        needsComma = true
        return true
    }

    public mutating func string(_ text: String) {
        separate()
        let hex: StaticString = "0123456789abcdef"
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0..<0x20:
                    hex.withUTF8Buffer { digits in
                        bytes += [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
                    }
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
        needsComma = true
    }
}
