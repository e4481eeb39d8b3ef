import Foundation
import Testing

/// The coverage reports that follow an ingest: written when the index changed, left alone by a nightly run
/// that changed nothing (which would otherwise re-read every label of the index).
@Suite("reports after ingest", .serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct IngestReportTests {
    static func fixture() throws -> IngestFixture {
        let fixture = try IngestFixture()
        let labels = fixture.root.appendingPathComponent("pipelines/labels")
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        for name in ["ohjaamo.yaml", "lexicon.yaml"] {
            try FileManager.default.copyItem(
                at: IngestFixture.repository.appendingPathComponent("pipelines/labels/\(name)"), to: labels.appendingPathComponent(name))
        }
        try fixture.writePipeline("label_sets:\n  - labels/ohjaamo.yaml\nlexicon: labels/lexicon.yaml\n")
        return fixture
    }

    @Test func reportsAreRewrittenOnlyWhenTheIndexChanged() throws {
        let fixture = try Self.fixture()
        try fixture.put("Ohjaamo tarjoaa nuorille matalan kynnyksen ohjausta ilman ajanvarausta Rovaniemellä.\n", at: "lappi/ohjaamo.txt")
        #expect(try fixture.ingest().status == 0)
        let page = fixture.output.appendingPathComponent("reports/index.html")
        let first = try String(contentsOf: page, encoding: .utf8)
        #expect(first.contains("Lappi"))
        // A mark only a rewrite removes.
        try "unchanged since the last run".write(to: page, atomically: true, encoding: .utf8)

        #expect(try fixture.ingest().status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8) == "unchanged since the last run", "a run that changed nothing rewrote the reports")

        try fixture.put("Uusimaan Ohjaamo neuvoo nuoria koulutukseen ja työhön hakeutumisessa.\n", at: "uusimaa/ohjaamo.txt")
        #expect(try fixture.ingest().status == 0)
        let rewritten = try String(contentsOf: page, encoding: .utf8)
        #expect(rewritten != "unchanged since the last run", "a new document did not rewrite the reports")
        #expect(rewritten.contains("Uusimaa"))

        // Removing a file (a withdrawn document) changes the reports too.
        try "mark".write(to: page, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("uusimaa/ohjaamo.txt"))
        _ = try fixture.ingest()
        #expect(try String(contentsOf: page, encoding: .utf8) != "mark", "a withdrawn document did not rewrite the reports")
    }
}
