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

    static func html(_ level: CoverageLevel) -> String {
        "<span class=\"level \(cssClass(level))\">\(symbol(level)) \(level.title)</span>"
    }
}

/// How a change is said in words.
enum ChangeWording {
    static func verb(_ change: CoverageChange) -> String {
        switch change.direction {
        case .gained: change.to == .covered ? "Became covered" : "Strengthened"
        case .lost: change.from == .covered ? "Lost coverage" : "Weakened"
        case .assessability: change.to == .notAssessed ? "No longer assessable" : "Now assessable"
        }
    }
}
