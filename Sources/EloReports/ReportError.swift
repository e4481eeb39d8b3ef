import Foundation

/// Why a report could not be made or written, in words for a person: the file (when there is one), what is
/// wrong and what to do. The one error type of EloReports; `kind` is stable for scripts and tests.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem.
    public enum Kind: String, Sendable {
        /// A bad `elo gaps` argument (`--level`).
        case badQuery = "bad-query"
        /// A report path that is absolute, empty, or has `.`/`..` or unexpected characters in a part.
        case unsafePath = "unsafe-path"
        /// A report file or folder the system refused to write or put in place.
        case cannotWrite = "cannot-write"
    }

    public var kind: Kind
    /// The file concerned; empty when the problem is not about a file.
    public var file: String = ""
    public var problem: String
    /// What to do; empty when the problem says it.
    public var fix: String = ""

    public var description: String {
        (file.isEmpty ? "" : "\(file): ") + problem + (fix.isEmpty ? "" : "; \(fix)")
    }

    /// A failed system call on `file` in the system's words ("File too large", "No space left on device").
    static func system(_ code: Int32, file: String) -> ReportError {
        ReportError(kind: .cannotWrite, file: file, problem: String(cString: strerror(code)))
    }
}
