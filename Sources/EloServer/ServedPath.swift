import EloPipeline
import EloReports
import Foundation

/// A request path made safe: percent-decoded, split at `/`, and refused (nil) when any part is empty, `.` or
/// `..`, or holds a backslash or a control character. What is left names a route, never a file of the machine.
struct ServedPath: Equatable {
    enum Route: Equatable {
        /// The search page.
        case search
        /// A source file, by its path relative to the inbox.
        case source(String)
        /// A report file, by its path relative to the report root (`regions/lappi.html`).
        case file(String)
    }

    let route: Route

    init?(_ raw: String) {
        guard let decoded = raw.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        let trimmed = String(decoded.dropFirst())
        if trimmed.isEmpty {
            route = .file(ReportLayout.indexHTML)
            return
        }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe = parts.contains { part in
            part.isEmpty || part == "." || part == ".." || part.contains("\\")
                || part.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        guard !unsafe else { return nil }
        if trimmed == "search" {
            route = .search
        } else if parts.count > 1, parts[0] == Substring(ReportJob.servedSources) {
            route = .source(parts.dropFirst().joined(separator: "/"))
        } else {
            route = .file(trimmed)
        }
    }
}
