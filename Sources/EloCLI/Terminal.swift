import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whether output may carry ANSI escapes (bold, clearing a line): only on a terminal, and never when the user
/// asked for none — `NO_COLOR` set to anything non-empty (https://no-color.org) or `TERM=dumb`.
enum Terminal {
    static func showsEscapes(_ descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Bool
    {
        isatty(descriptor) == 1 && allowsEscapes(environment)
    }

    /// The environment's part of the decision (a terminal aside).
    static func allowsEscapes(_ environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
