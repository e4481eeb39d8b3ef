import EloCore

/// Tells a usable text layer from garbage (broken font encodings that yield symbols, private-use code
/// points or U+FFFD instead of letters).
struct TextLayerQuality {
    private(set) var letters = 0
    private(set) var visible = 0

    /// Below this many visible characters a document is too short to judge.
    static let minimumSample = 40
    /// Share of letters below which a text layer counts as garbage. Real prose, even with numbers and
    /// punctuation, stays well above it.
    static let minimumLetterShare = 0.5

    mutating func add(_ text: String) {
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isWhitespace { continue }
            visible += 1
            if props.isAlphabetic && scalar.value != 0xFFFD { letters += 1 }
        }
    }

    var letterShare: Double { visible == 0 ? 1 : Double(letters) / Double(visible) }

    var isGarbage: Bool { visible >= Self.minimumSample && letterShare < Self.minimumLetterShare }
}
