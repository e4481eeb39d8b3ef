import Foundation
import Testing

/// Compares rendered output with a file under `Golden/`. Re-record on purpose only:
/// `ELO_RECORD_GOLDEN=1 swift test --filter EloReportsTests`, then review the diff before committing.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: Data, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ELO_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(name): run with ELO_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation
            )
            return
        }
        if expected != actual {
            let first =
                zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            let context = String(decoding: actual[max(0, first - 60)..<min(actual.count, first + 60)], as: UTF8.self)
            Issue.record(
                "\(name) differs from the golden file at byte \(first): …\(context)… (re-record with ELO_RECORD_GOLDEN=1 if intended)",
                sourceLocation: sourceLocation)
        }
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        try check(Data(actual.utf8), against: name, sourceLocation: sourceLocation)
    }
}
