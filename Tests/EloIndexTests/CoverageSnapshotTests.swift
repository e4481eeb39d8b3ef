import EloCore
import EloTestSupport
import Foundation
import GRDB
import Testing

@testable import EloIndex

/// The coverage snapshots each ingest run keeps: stored per run and region when they changed, read back in
/// run order with the run's start time.
@Suite("coverage snapshots")
struct CoverageSnapshotTests {
    static func snapshot(_ region: String, _ levels: [String: CoverageLevel], document: String? = nil)
        -> CoverageSnapshot
    {
        CoverageSnapshot(
            run: 0, takenAt: "", region: region,
            entries: levels.keys.sorted().map { label in
                CoverageSnapshot.Entry(
                    labelSet: "okm2011", label: label, level: levels[label]!,
                    score: levels[label] == .covered ? 0.8 : nil,
                    decidedBy: levels[label] == .covered
                        ? document.map { DocumentVersionReference(document: $0) } : nil,
                    evidence: levels[label] == .covered
                        ? document.map { TimelineEvidence(document: $0, page: 2, quote: "Ohjaus on laadukasta.") } : nil
                )
            })
    }

    @Test func aRegionIsStoredOnlyWhenItsCoverageChangedAndReadBackInRunOrder() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let first = try store.beginRun(
            pid: 1, pipeline: "p.yaml", startedAt: Date(timeIntervalSince1970: 1_700_000_000))
        let lappi = Self.snapshot("lappi", ["okm2011.laatu": .weak, "okm2011.saatavuus": .notCovered])
        let uusimaa = Self.snapshot(
            "uusimaa", ["okm2011.laatu": .covered, "okm2011.saatavuus": .weak], document: "uusimaa/plan.pdf")
        #expect(try store.recordCoverage([lappi, uusimaa], run: first) == 2)

        let second = try store.beginRun(
            pid: 1, pipeline: "p.yaml", startedAt: Date(timeIntervalSince1970: 1_700_086_400))
        #expect(try store.recordCoverage([lappi, uusimaa], run: second) == 0, "nothing changed: nothing stored")

        let third = try store.beginRun(
            pid: 1, pipeline: "p.yaml", startedAt: Date(timeIntervalSince1970: 1_700_172_800))
        let gained = Self.snapshot(
            "lappi", ["okm2011.laatu": .covered, "okm2011.saatavuus": .notCovered], document: "lappi/plan-v2.pdf")
        #expect(try store.recordCoverage([gained, uusimaa], run: third) == 1)

        let stored = try store.queue.read { try IndexStore.coverageSnapshots($0) }
        #expect(stored.map { "\($0.region)@\($0.run)" } == ["lappi@\(first)", "lappi@\(third)", "uusimaa@\(first)"])
        #expect(stored[0].takenAt == "2023-11-14T22:13:20.000Z")
        #expect(stored[1].takenAt == "2023-11-16T22:13:20.000Z")
        #expect(stored[1].entries.first?.level == .covered)
        #expect(stored[1].entries.first?.decidedBy?.document == "lappi/plan-v2.pdf")
        #expect(stored[1].entries.first?.evidence?.quote == "Ohjaus on laadukasta.")
        #expect(stored[2].entries.map(\.level) == [.covered, .weak])
    }

    @Test func theSchemaVersionCountsTheSnapshotMigration() throws {
        let folder = try TemporaryFolder()
        let store = try IndexStore(url: folder.url.appendingPathComponent("index.sqlite"))
        let version = try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == IndexIdentity.schemaVersion)
        #expect(IndexSchema.migrator.migrations.last == "v8-coverage-snapshots")
        #expect(try store.queue.read { try $0.tableExists("coverage_snapshots") })
    }
}
