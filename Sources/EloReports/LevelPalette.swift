import EloCore
import Foundation

/// The colours of the levels, in one place: the HTML style sheet and the spreadsheet both take them from
/// here, so a cell looks the same in the browser and in Excel. The fills are Okabe–Ito colours, told apart
/// with every kind of colour blindness (bluish green, yellow, vermillion; grey and hatched for not assessed),
/// with black text at a WCAG 2.1 AA contrast of at least 4.5:1; the symbols of `LevelBadge` tell the levels
/// apart without colour at all.
public enum LevelPalette {
    /// Text and fill colour of one level, as 0xRRGGBB.
    public struct Colours: Sendable, Hashable {
        public let ink: UInt32
        public let background: UInt32
    }

    public static func colours(_ level: CoverageLevel) -> Colours {
        switch level {
        case .covered: Colours(ink: 0x000000, background: 0x009E73)
        case .weak: Colours(ink: 0x000000, background: 0xF0E442)
        case .notCovered: Colours(ink: 0x000000, background: 0xD55E00)
        case .notAssessed: Colours(ink: 0x000000, background: 0xDDDDDD)
        }
    }

    /// The WCAG 2.1 contrast ratio of two colours (1–21).
    public static func contrast(_ first: UInt32, _ second: UInt32) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG 2.1 relative luminance of 0xRRGGBB.
    static func luminance(_ colour: UInt32) -> Double {
        func channel(_ shift: UInt32) -> Double {
            let value = Double((colour >> shift) & 0xFF) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// `#009e73` for CSS.
    public static func css(_ colour: UInt32) -> String {
        let hex = String(colour, radix: 16)
        return "#" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }
}
