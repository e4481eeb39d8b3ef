import Foundation
import GRDB
import Testing

/// The coverage history an ingest keeps: a snapshot per run in the index, the change a new version makes with
/// both runs' dates, and `elo changes` with its filters, JSON and argument errors.
@Suite("coverage history", .serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
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
            (try String.fetchAll(db, sql: "SELECT DISTINCT run_id || ':' || region FROM coverage_snapshots ORDER BY run_id, region"),
             try String.fetchAll(db, sql: "SELECT started_at FROM runs ORDER BY id"))
        }
        #expect(snapshots == ["1:lappi", "1:uusimaa", "2:lappi"], "run 1 keeps every region, run 2 only the one that changed")
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
        let page = try String(contentsOf: fixture.output.appendingPathComponent("reports/regions/lappi.html"), encoding: .utf8)
        #expect(page.contains("<h2 id=\"timeline\">") && page.contains("lappi/suunnitelma-v2.txt"))
        #expect(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("reports/changes-sv.html").path))
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
        #expect(lines.allSatisfy { $0.contains("  lappi  ") && $0.contains("not-covered → ") && $0.contains("lappi/suunnitelma-v2.txt v2") })
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
}
