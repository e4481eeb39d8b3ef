import EloCore
import Foundation
import Testing

@testable import EloReports

/// The coverage history: changes between run snapshots and between document versions, their order, the
/// `since` filter, the JSON shape `elo changes --json` prints, and the pages that show them.
@Suite("coverage timeline")
struct CoverageTimelineTests {
    static func snapshot(run: Int64, at date: String, _ level: CoverageLevel, document: String? = nil)
        -> CoverageSnapshot
    {
        CoverageSnapshot(
            run: run, takenAt: date, region: "lappi",
            entries: [
                CoverageSnapshot.Entry(
                    labelSet: "okm2011", label: "okm2011.laatu", level: level,
                    decidedBy: document.map { DocumentVersionReference(document: $0, version: 2) },
                    evidence: document.map {
                        TimelineEvidence(document: $0, page: 4, quote: "Laatua <arvioidaan> palautteella.")
                    }),
                CoverageSnapshot.Entry(labelSet: "okm2011", label: "okm2011.saatavuus", level: .notCovered),
            ])
    }

    static let runs = [
        snapshot(run: 1, at: "2026-05-20T02:30:00.000Z", .weak),
        snapshot(run: 4, at: "2026-11-26T02:30:00.000Z", .covered, document: "lappi/plan-v2.pdf"),
    ]

    static func versionChange(date: String, from: CoverageLevel, to: CoverageLevel, version: Int) -> TimelineChange {
        TimelineChange(
            region: "lappi", labelSet: "ohjaamo", label: "ohjaamo.toteutus", basis: .previousVersion, from: from,
            to: to,
            date: date, previousDate: "2026-01-01T00:00:00.000Z",
            decidedBy: DocumentVersionReference(document: "lappi/ohjaamo.pdf", version: version))
    }

    @Test func aChangeBetweenRunsCarriesBothRunsDatesAndTheDecidingVersion() {
        let changes = CoverageTimeline.betweenRuns(Self.runs)
        #expect(changes.count == 1)
        let change = changes.first
        #expect(change?.label == "okm2011.laatu")
        #expect(change?.from == .weak && change?.to == .covered)
        #expect(change?.date == "2026-11-26T02:30:00.000Z")
        #expect(change?.previousDate == "2026-05-20T02:30:00.000Z")
        #expect(change?.run == 4 && change?.previousRun == 1)
        #expect(change?.decidedBy == DocumentVersionReference(document: "lappi/plan-v2.pdf", version: 2))
        #expect(change?.evidenceBefore == nil && change?.evidenceAfter?.page == 4)
    }

    @Test func versionsOfOneDocumentStayInTheirOrderOnTheSameDay() {
        let later = Self.versionChange(date: "2026-02-01T00:00:00.000Z", from: .weak, to: .covered, version: 3)
        let earlier = Self.versionChange(date: "2026-02-01T00:00:00.000Z", from: .notCovered, to: .weak, version: 2)
        let timeline = CoverageTimeline(changes: [later, earlier])
        #expect(timeline.changes.map { $0.decidedBy?.version } == [2, 3])
    }

    @Test func sinceKeepsOnlyChangesSeenOnOrAfterTheDate() {
        let timeline = CoverageTimeline(
            runs: CoverageTimeline.betweenRuns(Self.runs),
            versions: [
                Self.versionChange(date: "2026-03-01T10:00:00.000Z", from: .notCovered, to: .covered, version: 2)
            ])
        #expect(timeline.changes.map(\.date) == ["2026-03-01T10:00:00.000Z", "2026-11-26T02:30:00.000Z"])
        #expect(timeline.filtered(since: "2026-03-02").changes.map(\.label) == ["okm2011.laatu"])
        #expect(timeline.filtered(since: "2026-03-01").changes.count == 2)
        #expect(timeline.filtered(since: "2026-11-27").changes.isEmpty)
        #expect(timeline.filtered(regions: ["uusimaa"]).changes.isEmpty)
    }

    @Test func aVersionChangeThatARunRecordedIsKeptOnceAsTheRuns() {
        let run = CoverageTimeline.betweenRuns(Self.runs)[0]
        var same = run
        same.basis = .previousVersion
        same.run = nil
        let timeline = CoverageTimeline(runs: [run], versions: [same])
        #expect(timeline.changes.map(\.basis) == [.previousRun])
    }

    @Test func theJSONOfAChangeHasEveryKeyEvenWhenEmpty() throws {
        let data = try ReportJSON.encode(CoverageTimeline.betweenRuns(Self.runs))
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(
            Set(objects[0].keys) == [
                "region", "label_set", "label", "basis", "from", "to", "direction", "date", "previous_date", "run",
                "previous_run", "document", "version", "evidence_before", "evidence_after",
            ])
        #expect(objects[0]["direction"] as? String == "gained")
        #expect(objects[0]["evidence_before"] is NSNull)
        #expect((objects[0]["evidence_after"] as? [String: Any])?["page"] as? Int == 4)
        let decoded = try JSONDecoder().decode([TimelineChange].self, from: data)
        #expect(decoded == CoverageTimeline.betweenRuns(Self.runs))
    }

    @Test(arguments: [ReportLanguage.finnish, .swedish])
    func theRegionPageShowsItsTimelineAndTheNationalPageLinksTheChangesPage(language: ReportLanguage) throws {
        let report = CoverageFixtures.report()
        let timeline = CoverageTimeline(changes: CoverageTimeline.betweenRuns(Self.runs))
        let bundle = try ReportBundle(report, languages: .only(language), timeline: timeline)
        func file(_ path: String) throws -> String {
            String(decoding: try #require(bundle.files.first { $0.path == path }).contents, as: UTF8.self)
        }
        let region = try file(ReportLayout(report).regionPage("lappi"))
        let strings = ReportStrings.of(language)
        #expect(region.contains("<h2 id=\"timeline\">\(strings.text("timeline.heading"))</h2>"))
        #expect(region.contains("<th scope=\"col\">\(strings.text("timeline.decided-by"))</th>"))
        #expect(region.contains("<time datetime=\"2026-11-26T02:30:00.000Z\">2026-11-26</time>"))
        #expect(region.contains("Laatua &lt;arvioidaan&gt; palautteella."), "quotes are escaped")
        #expect(!region.contains("⟦"))
        let changesPage = ReportLayout.changesHTML(for: language, national: [language])
        #expect(
            try file(ReportLayout.indexHTML).contains(
                "<a href=\"\(changesPage)\">\(strings.text("national.changes-link"))</a>"))
        let changes = try file(changesPage)
        #expect(changes.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(changes.contains("<h1>\(strings.text("changes.since", ["date": "2026-11-26"]))</h1>"))
        #expect(changes.contains("<a href=\"regions/lappi.html#timeline\">Lappi / Lappland</a>"))
        #expect(!changes.contains("⟦") && !changes.contains("<h3"), "no missing words; headings go h1 → table")
        let otherRegion = try file(ReportLayout(report).regionPage("österbotten"))
        #expect(!otherRegion.contains("id=\"timeline\""), "a region without changes has no timeline")
    }

    @Test func bothNationalChangesPagesAreWrittenAndLinkEachOther() throws {
        let bundle = try ReportBundle(CoverageFixtures.report(), timeline: CoverageTimeline())
        let finnish = try #require(bundle.files.first { $0.path == "changes.html" })
        let swedish = try #require(bundle.files.first { $0.path == "changes-sv.html" })
        #expect(String(decoding: finnish.contents, as: UTF8.self).contains("href=\"changes-sv.html\""))
        #expect(String(decoding: swedish.contents, as: UTF8.self).contains(ReportStrings.swedish.text("changes.none")))
    }
}
