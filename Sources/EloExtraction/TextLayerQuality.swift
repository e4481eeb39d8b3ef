import EloCore

/// Tells a usable text layer from garbage (broken font encodings that yield symbols, private-use code
/// points or U+FFFD instead of letters), judging on the first `sampleLimit` visible characters. Letters and
/// digits are readable: a table of figures or codes is text, not a broken encoding.
struct TextLayerQuality {
    /// Letters and digits seen.
    private(set) var readable = 0
    private(set) var visible = 0

    /// Below this many visible characters a document is too short to judge.
    static let minimumSample = 40
    /// Enough to judge a document; later text is not looked at.
    static let sampleLimit = 200_000
    /// Share of letters and digits below which a text layer counts as garbage. Real prose and tables, with
    /// their punctuation, stay well above it.
    static let minimumReadableShare = 0.5

    /// Counts the UTF-8 `text`: ASCII by table, other scalars by their Unicode properties.
    mutating func add(_ text: UnsafeBufferPointer<UInt8>) {
        guard visible < Self.sampleLimit else { return }
        var index = 0
        while index < text.count && visible < Self.sampleLimit {
            let byte = text[index]
            if byte < 0x80 {
                index += 1
                if byte <= 0x20 || byte == 0x7F { continue }
                visible += 1
                if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { readable += 1 }
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= text.count else {
                index += 1
                visible += 1
                continue
            }
            var value = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(text[index + offset] & 0x3F) }
            index += length
            guard let scalar = Unicode.Scalar(value) else {
                visible += 1
                continue
            }
            addNonASCII(scalar)
        }
    }

    private mutating func addNonASCII(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0xE4, 0xF6, 0xE5, 0xC4, 0xD6, 0xC5:  // ä ö å Ä Ö Å, the common case in this corpus
            visible += 1
            readable += 1
        case 0xFFFD, 0xE000...0xF8FF:  // replacement character, private use area
            visible += 1
        default:
            let props = scalar.properties
            if props.isWhitespace { return }
            visible += 1
            if props.isAlphabetic || props.numericType == .decimal { readable += 1 }
        }
    }

    /// Share of the visible characters that are letters or digits.
    var readableShare: Double { visible == 0 ? 1 : Double(readable) / Double(visible) }

    var isGarbage: Bool { visible >= Self.minimumSample && readableShare < Self.minimumReadableShare }
}
