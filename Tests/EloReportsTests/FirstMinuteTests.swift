import Foundation
import Testing

/// `make run` ends by saying where the reports are, how to open them, and what to try next.
@Suite struct FirstMinuteTests {
    @Test func makeRunSaysWhereTheReportsAreAndWhatToTryNext() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let makefile = try String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)
        let run = try #require(
            makefile.components(separatedBy: "\nrun:").dropFirst().first?.components(separatedBy: "\n\n").first)
        #expect(run.contains("first-minute"), "the run target ends with the first-minute message")
        let message = try #require(
            makefile.components(separatedBy: "\nfirst-minute:").dropFirst().first?.components(separatedBy: "\n\n").first
        )
        for expected in [
            "out/reports/index.html", "index-sv.html", "xdg-open", "elo-2014.yaml --region", " gaps ", " search ",
            " serve ",
            " changes ",
        ] {
            #expect(message.contains(expected), "\(expected)")
        }
    }
}
