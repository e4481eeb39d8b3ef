import EloCore

/// The colours of the levels, in one place: the HTML style sheet and the spreadsheet both take them from
/// here, so a cell looks the same in the browser and in Excel. `ink` is the text and border colour,
/// `background` the fill; the symbols of `LevelBadge` tell the levels apart without colour.
public enum LevelPalette {
    /// Text and fill colour of one level, as 0xRRGGBB.
    public struct Colours: Sendable, Hashable {
        public let ink: UInt32
        public let background: UInt32
    }

    public static func colours(_ level: CoverageLevel) -> Colours {
        switch level {
        case .covered: Colours(ink: 0x1F7A3A, background: 0xCDEBD3)
        case .weak: Colours(ink: 0x8A5A00, background: 0xFFE3A3)
        case .notCovered: Colours(ink: 0xA3161C, background: 0xF7C5C7)
        case .notAssessed: Colours(ink: 0x4B5563, background: 0xE5E7EB)
        }
    }

    /// `#1f7a3a` for CSS.
    public static func css(_ colour: UInt32) -> String {
        let hex = String(colour, radix: 16)
        return "#" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }
}
