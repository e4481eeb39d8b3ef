import EloReports
import EloTestSupport
import Foundation
import Testing

/// A report set replaces the previous one whole, or not at all (issue 18 item 7, issue 17 item 7).
@Suite("whole report sets")
struct ReportSetTests {
    static func bundle(_ files: [String: String]) -> ReportBundle {
        ReportBundle(files: files.keys.sorted().map { .init(path: $0, contents: Data(files[$0]!.utf8)) })
    }

    static func contents(of folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            result[relative] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        return result
    }

    @Test func aNewSetReplacesTheOldOneWhole() throws {
        let output = try TemporaryFolder()
        let reports = output.url.appendingPathComponent("reports")
        let writer = ReportFolderWriter(folder: reports)
        try writer.write(Self.bundle(["index.html": "old", "regions/lappi.html": "old lappi"]))
        try writer.write(Self.bundle(["index.html": "new", "regions/kainuu.html": "new kainuu"]))
        #expect(Self.contents(of: reports) == ["index.html": "new", "regions/kainuu.html": "new kainuu"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.url.path) == ["reports"],
            "no staging folder left")
    }

    @Test func aWriteThatFailsHalfWayLeavesThePreviousSetAsItWas() throws {
        let output = try TemporaryFolder()
        let reports = output.url.appendingPathComponent("reports")
        let writer = ReportFolderWriter(folder: reports)
        try writer.write(Self.bundle(["index.html": "old", "regions/lappi.html": "old lappi"]))
        // the second file cannot be written: its folder is already a file of the set
        let failing = Self.bundle(["index.html": "new", "regions": "a file", "regions/kainuu.html": "new"])
        let error = #expect(throws: ReportError.self) { try writer.write(failing) }
        #expect(error?.kind == .cannotWrite)
        #expect(Self.contents(of: reports) == ["index.html": "old", "regions/lappi.html": "old lappi"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.url.path) == ["reports"],
            "no staging folder left")
    }

    @Test func halfWrittenSetsOfAKilledRunAreSwept() throws {
        let output = try TemporaryFolder()
        let leftover = output.url.appendingPathComponent(".reports.new-99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try ReportFolderWriter(folder: output.url.appendingPathComponent("reports")).write(
            Self.bundle(["index.html": "x"]))
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }
}
