import Foundation
import GRDB
import Testing

/// The coverage reports that follow an ingest: written when the index changed, left alone by a nightly run
/// that changed nothing (which would otherwise re-read every label of the index).
@Suite(
    "reports after ingest", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct IngestReportTests {
    static func fixture() throws -> IngestFixture {
        let fixture = try IngestFixture()
        let labels = fixture.root.appendingPathComponent("pipelines/labels")
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        for name in ["ohjaamo.yaml", "lexicon.yaml"] {
            try FileManager.default.copyItem(
                at: IngestFixture.repository.appendingPathComponent("pipelines/labels/\(name)"),
                to: labels.appendingPathComponent(name))
        }
        try fixture.writePipeline("label_sets:\n  - labels/ohjaamo.yaml\nlexicon: labels/lexicon.yaml\n")
        return fixture
    }

    /// Editing `topic:` re-classifies the stored passages, and the stored `classification.off-topic` warning
    /// follows: it goes when the document is labelled again and comes back when it is off the topic again.
    @Test func editingTheTopicReclassifiesAndReplacesTheWarning() throws {
        let fixture = try Self.fixture()
        let sets = "label_sets:\n  - labels/ohjaamo.yaml\nlexicon: labels/lexicon.yaml\n"
        try fixture.put(
            "Ohjaamo tarjoaa nuorille matalan kynnyksen palveluja ilman ajanvarausta Rovaniemellä.\n",
            at: "lappi/ohjaamo.txt")
        func state() throws -> (labels: Int, warned: Bool) {
            let queue = try DatabaseQueue(path: fixture.index.path)
            return try queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM labels") ?? -1,
                    try String.fetchAll(db, sql: "SELECT diagnostics FROM versions").contains {
                        $0.contains("classification.off-topic")
                    }
                )
            }
        }
        // "ohjaamo" is not a topic word here: the document is off the topic
        try fixture.writePipeline(sets + "topic:\n  min_per_1000_words: 3\n  fi: [ohjaus]\n")
        #expect(try fixture.ingest().status == 0)
        #expect(try state() == (0, true))
        try fixture.writePipeline(sets + "topic:\n  min_per_1000_words: 3\n  fi: [ohjaus, ohjaamo]\n")
        #expect(try fixture.ingest().status == 0)
        let labelled = try state()
        #expect(labelled.labels > 0 && !labelled.warned, "re-classified on the topic: labels, and the old warning gone")
        try fixture.writePipeline(sets + "topic:\n  min_per_1000_words: 3\n  fi: [ohjaus]\n")
        #expect(try fixture.ingest().status == 0)
        #expect(try state() == (0, true))
    }

    @Test func reportsAreRewrittenOnlyWhenTheIndexChanged() throws {
        let fixture = try Self.fixture()
        try fixture.put(
            "Ohjaamo tarjoaa nuorille matalan kynnyksen ohjausta ilman ajanvarausta Rovaniemellä.\n",
            at: "lappi/ohjaamo.txt")
        #expect(try fixture.ingest().status == 0)
        let page = fixture.output.appendingPathComponent("reports/index.html")
        let first = try String(contentsOf: page, encoding: .utf8)
        #expect(first.contains("Lappi"))
        // A mark only a rewrite removes.
        try "unchanged since the last run".write(to: page, atomically: true, encoding: .utf8)

        #expect(try fixture.ingest().status == 0)
        #expect(
            try String(contentsOf: page, encoding: .utf8) == "unchanged since the last run",
            "a run that changed nothing rewrote the reports")

        try fixture.put(
            "Uusimaan Ohjaamo neuvoo nuoria koulutukseen ja työhön hakeutumisessa.\n", at: "uusimaa/ohjaamo.txt")
        #expect(try fixture.ingest().status == 0)
        let rewritten = try String(contentsOf: page, encoding: .utf8)
        #expect(rewritten != "unchanged since the last run", "a new document did not rewrite the reports")
        #expect(rewritten.contains("Uusimaa"))

        // Removing a file (a withdrawn document) changes the reports too.
        try "mark".write(to: page, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: fixture.inbox.appendingPathComponent("uusimaa/ohjaamo.txt"))
        _ = try fixture.ingest()
        #expect(
            try String(contentsOf: page, encoding: .utf8) != "mark", "a withdrawn document did not rewrite the reports")
    }
}
