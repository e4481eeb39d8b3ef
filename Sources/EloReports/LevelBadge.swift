import EloCore

/// How a level looks in reports: a symbol that survives black-and-white printing, and a coloured badge.
enum LevelBadge {
    static func symbol(_ level: CoverageLevel) -> String {
        switch level {
        case .covered: "●"
        case .weak: "◐"
        case .notCovered: "○"
        case .notAssessed: "?"
        }
    }

    static func cssClass(_ level: CoverageLevel) -> String { "level-\(level.rawValue)" }

    static func html(_ level: CoverageLevel, _ strings: ReportStrings) -> String {
        "<span class=\"level \(cssClass(level))\">\(symbol(level)) \(HTMLText.escape(strings.level(level)))</span>"
    }
}

/// How a change is said in words.
enum ChangeWording {
    static func verb(_ change: CoverageChange, _ strings: ReportStrings) -> String {
        let key =
            switch change.direction {
            case .gained: change.to == .covered ? "became-covered" : "strengthened"
            case .lost: change.from == .covered ? "lost-coverage" : "weakened"
            case .assessability: change.to == .notAssessed ? "no-longer-assessable" : "now-assessable"
            }
        return strings.text("change." + key)
    }

    static func basis(_ basis: CoverageChange.Basis, _ strings: ReportStrings) -> String {
        strings.text(basis == .previousRun ? "change.since-run" : "change.since-version")
    }
}
