import EloTestSupport
import Foundation
import GRDB
import Testing

/// The coverage history an ingest keeps: a snapshot per run in the index, the change a new version makes with
/// both runs' dates, and `elo changes` with its filters, JSON and argument errors.
@Suite(
    "coverage history", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct CoverageHistoryTests {
    static let withoutOhjaamo = "Alueen ohjauspalveluja kehitetään yhteistyössä oppilaitosten ja kuntien kanssa.\n"
    static let withOhjaamo = """
        Ohjaamo tarjoaa nuorille matalan kynnyksen ohjausta ilman ajanvarausta Rovaniemellä, ja Ohjaamon \
        monialainen tiimi neuvoo koulutukseen, työhön ja arjen asioihin liittyvissä kysymyksissä.

        Ohjaamo Kemi aloitti toimintansa syksyllä, ja nuoret saavat Ohjaamosta henkilökohtaista ohjausta \
        sekä tukea työnhakuun ja opiskelupaikan löytämiseen.

        """

    /// A fixture whose Lapland plan gains the Ohjaamo goals with its second version, ingested once before and
    /// once after that version arrives.
    static func twoRuns() throws -> IngestFixture {
        let fixture = try IngestReportTests.fixture()
        try fixture.put(withoutOhjaamo, at: "lappi/suunnitelma.txt")
        #expect(try fixture.ingest().status == 0)
        try fixture.put(withOhjaamo, at: "lappi/suunnitelma-v2.txt")
        #expect(try fixture.ingest().status == 0)
        return fixture
    }

    static func changes(_ fixture: IngestFixture, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try fixture.command("changes", ["--json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func eachRunKeepsTheRegionsWhoseCoverageChangedAndANewVersionShowsWithBothRunsDates() throws {
        let fixture = try Self.twoRuns()
        let (snapshots, starts) = try fixture.database().read { db in
            (
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT run_id || ':' || region FROM coverage_snapshots ORDER BY run_id, region"),
                try String.fetchAll(db, sql: "SELECT started_at FROM runs ORDER BY id")
            )
        }
        #expect(
            snapshots == ["1:lappi", "1:uusimaa", "2:lappi"],
            "run 1 keeps every region, run 2 only the one that changed")
        #expect(starts.count == 2)

        let changes = try Self.changes(fixture)
        let gained = changes.filter { ($0["label"] as? String)?.hasPrefix("ohjaamo.") == true }
        #expect(!gained.isEmpty, "the Ohjaamo goals changed with the second version: \(changes)")
        for change in gained {
            #expect(change["region"] as? String == "lappi")
            #expect(change["basis"] as? String == "previous-run")
            #expect(change["from"] as? String == "not-covered")
            #expect(change["date"] as? String == starts[1])
            #expect(change["previous_date"] as? String == starts[0])
            #expect(change["run"] as? Int == 2 && change["previous_run"] as? Int == 1)
            #expect(change["document"] as? String == "lappi/suunnitelma-v2.txt")
            #expect(change["version"] as? Int == 2)
            #expect((change["evidence_after"] as? [String: Any])?["quote"] as? String != nil)
        }
        let page = try String(
            contentsOf: fixture.output.appendingPathComponent("reports/regions/lappi.html"), encoding: .utf8)
        #expect(page.contains("<h2 id=\"timeline\">") && page.contains("lappi/suunnitelma-v2.txt"))
        #expect(
            FileManager.default.fileExists(
                atPath: fixture.output.appendingPathComponent("reports/changes-sv.html").path))
    }

    @Test func sinceRegionAndTextOutputFilterAndNameTheChanges() throws {
        let fixture = try Self.twoRuns()
        let all = try Self.changes(fixture)
        #expect(!all.isEmpty)
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(try Self.changes(fixture, ["--since", today]).count == all.count)
        #expect(try Self.changes(fixture, ["--since", "2999-01-01"]).isEmpty)
        #expect(try Self.changes(fixture, ["--region", "uusimaa"]).isEmpty)
        #expect(try Self.changes(fixture, ["--region", "lappi"]).count == all.count)

        let text = try fixture.command("changes", ["--region", "lappi"])
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == all.count)
        #expect(
            lines.allSatisfy {
                $0.contains("  lappi  ") && $0.contains("not-covered → ") && $0.contains("lappi/suunnitelma-v2.txt v2")
            })
    }

    @Test func anUnknownRegionOrADateThatIsNoneIsABadArgument() throws {
        let fixture = try IngestReportTests.fixture()
        try fixture.put(Self.withoutOhjaamo, at: "lappi/suunnitelma.txt")
        #expect(try fixture.ingest().status == 0)
        let unknown = try fixture.command("changes", ["--region", "lapland", "--json"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown --region 'lapland'") && unknown.stderr.contains("lappi, uusimaa"))
        #expect(unknown.json?["exit"] as? Int == 64)
        let badDate = try fixture.command("changes", ["--since", "yesterday"])
        #expect(badDate.status == 64 && badDate.stderr.contains("YYYY-MM-DD"))
        let none = try fixture.command("changes")
        #expect(none.status == 0 && none.stdout == "no changes\n")
    }

    /// The main job's first run over the sample corpus (file times scrambled so every `-v2` file is older on disk
    /// than the version it replaces) already shows Pirkanmaa's plan changing between its versions: version 2
    /// gains the Ohjaamo goals that version 1 does not mention, on the region page and in `elo changes`.
    @Test func theSampleCorpusShowsARegionChangingBetweenVersionsInTheirOrder() throws {
        let folder = try TemporaryFolder(prefix: "elo-history")
        let inbox = try AnswerKeyMatrixTests.scrambledInbox(in: folder)
        let output = folder.url.appendingPathComponent("out")
        let pipeline = IngestFixture.repository.appendingPathComponent("pipelines/elo-2014.yaml").path
        let process = Process()
        process.executableURL = IngestFixture.executable
        process.arguments = [
            "ingest", "--pipeline", pipeline, "--inbox", inbox.path, "--output", output.path, "--workers", "2",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect([0, 2].contains(process.terminationStatus), "elo ingest exited \(process.terminationStatus)")

        let changes = Process()
        changes.executableURL = IngestFixture.executable
        changes.arguments = [
            "changes", "--pipeline", pipeline, "--output", output.path, "--region", "pirkanmaa", "--json",
        ]
        let out = Pipe()
        changes.standardOutput = out
        try changes.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        changes.waitUntilExit()
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let toteutus = try #require(
            list.first { $0["label"] as? String == "ohjaamo.toteutus" }, "no change of ohjaamo.toteutus: \(list)")
        #expect(toteutus["basis"] as? String == "previous-version")
        #expect(
            toteutus["from"] as? String == "not-covered" && toteutus["to"] as? String == "covered",
            "version 1 → version 2, not back")
        #expect(toteutus["document"] as? String == "pirkanmaa/pirkanmaa_toimintasuunnitelma_2014-v2.pdf")
        #expect(toteutus["version"] as? Int == 2)
        #expect(((toteutus["evidence_after"] as? [String: Any])?["quote"] as? String)?.contains("Ohjaamo") == true)
        #expect(list.allSatisfy { ($0["previous_date"] as? String ?? "~") <= ($0["date"] as? String ?? "") })

        let page = try String(
            contentsOf: output.appendingPathComponent("reports/regions/pirkanmaa.html"), encoding: .utf8)
        let timeline = try #require(page.range(of: "<h2 id=\"timeline\">"), "the region page has no timeline")
        #expect(
            page[timeline.lowerBound...].contains(
                "pirkanmaa_<wbr>toimintasuunnitelma_<wbr>2014-<wbr>v2.pdf</code> (versio 2)"))
    }
}
