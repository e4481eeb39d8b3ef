/// Recognises a bullet at the start of a line, which makes the line a list item.
///
/// Bullets are the glyphs office tools put there: private-use symbol-font bullets (U+F0B7, U+F0A7,
/// U+F076, U+F0D8, U+F0FC …), `•`, `◦`, `▪`, `■`, `●`, `➢`, `✓` and the like, and `–`, `-`, `*` when a
/// space follows them.
public enum ListMarker {
    /// The line without its bullet, or `nil` when the line does not start with one. `line` must be
    /// cleaned (no leading whitespace).
    public static func strip(_ line: String) -> String? {
        guard let first = line.unicodeScalars.first else { return nil }
        let value = first.value
        let rest = line.unicodeScalars.dropFirst()
        let needsSpace: Bool
        if (0xE000...0xF8FF).contains(value) || symbolBullets.contains(value) {
            needsSpace = false
        } else if dashBullets.contains(value) {
            needsSpace = true
        } else {
            return nil
        }
        let startsWithSpace = rest.first == " "
        if needsSpace && !startsWithSpace { return nil }
        var text = Substring(rest)
        // Some exports double the marker ("• • text") or follow it with a private-use glyph.
        while let next = text.unicodeScalars.first,
            next == " " || (0xE000...0xF8FF).contains(next.value) || symbolBullets.contains(next.value)
        {
            text = Substring(text.unicodeScalars.dropFirst())
        }
        return text.isEmpty ? nil : String(text)
    }

    /// Whether `line` is nothing but a bullet (the item's text came out as the next line).
    /// A column of bullets that came out as one line (`- - -`) counts too.
    public static func isLoneBullet(_ line: String) -> Bool {
        var bullets = 0
        for scalar in line.unicodeScalars where scalar != " " {
            let value = scalar.value
            guard
                (0xE000...0xF8FF).contains(value) || symbolBullets.contains(value)
                    || [0x2D, 0x2013, 0x2014, 0x2A].contains(value)
            else { return false }
            bullets += 1
        }
        return bullets > 0 && (bullets > 1 || line.unicodeScalars.count <= 2)
    }

    /// Bullets that need no following space: they never start a word.
    static let symbolBullets: Set<UInt32> = [
        0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25AB, 0x25A0, 0x25A1, 0x25CF, 0x25CB, 0x25C6, 0x25C7,
        0x25BA, 0x25B6, 0x27A2, 0x27A4, 0x2794, 0x2713, 0x2714, 0x2717, 0x2718, 0x00B7, 0x2219, 0x29BF,
        0x2756, 0x2605, 0x2606, 0x25D8, 0x2192, 0x21D2,
    ]

    /// Marks that are list bullets only when a space follows: `-`, `–`, `—`, `*`, `+`, `o`.
    static let dashBullets: Set<UInt32> = [0x2D, 0x2013, 0x2014, 0x2A, 0x2212, 0x2B, 0x6F]
}
