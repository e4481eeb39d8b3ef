import EloCore
import EloPipeline
import Foundation
import GRDB
import Testing

@testable import EloReports

/// The report commands' reads from an index written by the ingest writer.
@Suite struct IndexQueryTests {
    let catalog = [
        (id: "lappi", name: "Lappi"), (id: "pohjanmaa", name: "Pohjanmaa / Österbotten"),
        (id: "kainuu", name: "Kainuu"), (id: "uusimaa", name: "Uusimaa"),
    ]

    @Test func regionsHaveCurrentVersionsAndThePreviousOnes() throws {
        let index = try IndexFixture.standard()
        let regions = try CoverageIndexReader(indexFile: index.indexFile).regions(catalog: catalog)
        #expect(
            regions.map(\.region)
                == ["lappi", "pohjanmaa", "kainuu", "uusimaa", "satakunta"].filter { $0 != "satakunta" },
            "catalog order; withdrawn-only and unassigned regions left out")
        let lappi = regions[0]
        #expect(lappi.current.map(\.path) == ["lappi/plan.pdf", "lappi/raportti-v2.pdf"])
        #expect(
            lappi.previous.map(\.path) == ["lappi/plan.pdf", "lappi/raportti-v1.pdf"],
            "the region as it was: unchanged documents plus the versions the new ones replaced")
        let plan = try #require(lappi.current.first)
        #expect(plan.passages.count == 2)
        #expect(plan.passages[0].labels?.first?.id == "ohjaamo.toteutus")
        #expect(plan.passages[0].labels?.first?.evidence.first?.text == "Ohjaamoissa")
        #expect(regions[2].current.first?.status == .needsPassword)
        #expect(regions[3].current.isEmpty, "a region that sent nothing is listed, to be reported as not assessed")
    }

    /// Evidence is decoded for a whole version at once; a row whose evidence cannot be read loses only its own.
    @Test func unreadableEvidenceCostsOnlyItsOwnRow() throws {
        let index = try IndexFixture.standard()
        try DatabaseQueue(path: index.indexFile.path).write { db in
            try db.execute(sql: "UPDATE labels SET evidence = '[{\"cue\": broken' WHERE label = 'okm2011.saatavuus'")
        }
        let regions = try CoverageIndexReader(indexFile: index.indexFile).regions(catalog: catalog)
        let plan = try #require(regions.first?.current.first)
        #expect(plan.passages.count == 2)
        #expect(plan.passages[0].labels?.first?.evidence.map(\.text) == ["Ohjaamoissa"])
        #expect(plan.passages[1].labels?.first?.id == "okm2011.saatavuus")
        #expect(plan.passages[1].labels?.first?.evidence.isEmpty == true)
    }

    @Test func coverageFromTheIndexTellsLostLabelsAndUnassessableRegions() throws {
        let index = try IndexFixture.standard()
        let labels = [
            CoverageLabel(id: "okm2011.laatu", set: "okm2011", title: "Laatu"),
            CoverageLabel(id: "ohjaamo.toteutus", set: "ohjaamo", title: "Ohjaamo"),
        ]
        let regions = try CoverageIndexReader(indexFile: index.indexFile).regions(catalog: catalog)
        let report = ReportGenerator(
            pipeline: "elo-2014", title: "T", labels: labels, thresholds: CoverageFixtures.scoreLevels, generated: nil
        ).report(regions)
        let lappi = report.regions[0]
        #expect(lappi.coverage(of: "ohjaamo.toteutus")?.level == .covered)
        #expect(lappi.coverage(of: "okm2011.laatu")?.level == .notCovered)
        #expect(
            lappi.changes == [
                CoverageChange(label: "okm2011.laatu", basis: .previousVersion, from: .covered, to: .notCovered)
            ])
        #expect(report.regions[2].labels.allSatisfy { $0.level == .notAssessed }, "kainuu: only an encrypted document")
        #expect(report.regions[3].labels.allSatisfy { $0.level == .notAssessed }, "uusimaa: no document at all")
    }

    @Test(arguments: [
        ("ohjaamo", "lappi/plan.pdf", "Ohjaamoissa"),
        ("ohjauspalvelu", "lappi/plan.pdf", "Ohjauspalvelujen"),
        ("vägledning", "pohjanmaa/rapport.pdf", "Vägledningen"),
        ("\"verkoston toimintaa\"", "lappi/raportti-v2.pdf", "verkoston"),
    ])
    func searchFindsInflectedForms(query: String, document: String, highlighted: String) throws {
        let index = try IndexFixture.standard()
        let hits = try ReportSearch(indexFile: index.indexFile).run(query)
        let hit = try #require(hits.first { $0.document == document }, "\(query) finds \(document)")
        let marked = hit.highlights.map { String(Array(hit.text)[$0.start..<$0.end]) }
        #expect(marked.contains(highlighted), "\(marked)")
    }

    @Test func searchSkipsWithdrawnAndOldVersionsAndFilters() throws {
        let index = try IndexFixture.standard()
        let search = try ReportSearch(indexFile: index.indexFile)
        #expect(
            Set(try search.run("Ohjaamo").map(\.document)) == ["lappi/plan.pdf", "irrallinen.pdf"],
            "withdrawn satakunta left out; unassigned documents are searchable")
        #expect(try search.run("laatua").isEmpty, "only in the superseded version")
        #expect(try search.run("ohjaamo", region: "pohjanmaa").isEmpty)
        #expect(try search.run("saatavuus", labels: ["okm2011"]).map(\.page) == [2])
        #expect(try search.run("saatavuus", labels: ["ohjaamo.toteutus"]).isEmpty)
        #expect(try search.run("ohjaamo OR vägledning").count == 3)
        #expect(try search.run("ohjaamo vägledning").isEmpty, "words without OR are all required")
        #expect(
            try search.run("ohjaamo AND ( nuoret").map(\.document) == ["lappi/plan.pdf"],
            "AND and brackets are not words")
    }

    @Test(arguments: [
        "ohjaamo AND (", "NEAR(a b", "text:ohjaamo*", "^ohjaamo", "\"\"", "a\"b\"c\"", "-- ; DROP TABLE passages",
    ])
    func oddQueriesNeverReachSQLite(query: String) throws {
        let index = try IndexFixture.standard()
        let search = try ReportSearch(indexFile: index.indexFile)
        do {
            _ = try search.run(query)
        } catch {
            #expect(!error.message.contains("SQLite"), "\(error.message)")
            #expect(error.message.contains("\"") || error.message.contains("nothing to search"), "\(error.message)")
        }
        #expect(try search.run("ohjaamo").count == 2, "index intact")
    }

    @Test func anOpenQuoteIsExplained() throws {
        let index = try IndexFixture.standard()
        #expect(throws: PipelineFailure.self) { try ReportSearch(indexFile: index.indexFile).run("\"matala kynnys") }
        do { _ = try ReportSearch(indexFile: index.indexFile).run("\"matala kynnys") } catch {
            #expect(error.message.contains("closing"))
        }
    }

    @Test func missingIndexIsExplained() {
        do {
            _ = try ReportSearch(indexFile: URL(fileURLWithPath: "/nonexistent/index.sqlite"))
            Issue.record("opened a missing index")
        } catch {
            #expect(error.message.contains("run `elo ingest"))
        }
    }

    @Test func showFindsByPathNameOrHashAndListsVersions() throws {
        let index = try IndexFixture.standard()
        let byPath = try ReportDocumentDetail.find("lappi/raportti-v2.pdf", indexFile: index.indexFile)
        #expect(byPath.versions.map(\.number) == [1, 2] && byPath.version == 2)
        #expect(byPath.versions[0].supersededAt != nil)
        #expect(byPath.region == "lappi" && byPath.round == "2014")
        let old = try ReportDocumentDetail.find("lappi/raportti-v2.pdf", version: 1, indexFile: index.indexFile)
        #expect(old.document.passages.first?.labels?.first?.id == "okm2011.laatu")
        #expect(try ReportDocumentDetail.find("rapport.pdf", indexFile: index.indexFile).region == "pohjanmaa")
        let hash = IndexFixture.sha256(number: 5)
        let encrypted = try ReportDocumentDetail.find(String(hash.prefix(8)), indexFile: index.indexFile)
        #expect(encrypted.document.status == .needsPassword)
        #expect(encrypted.document.diagnostics.first?.id == "extraction.encrypted")
        #expect(throws: PipelineFailure.self) {
            try ReportDocumentDetail.find("nothing.pdf", indexFile: index.indexFile)
        }
    }
}

/// `elo search` ranks passages with content above headings that only name the subject.
@Suite struct SearchRankingTests {
    @Test func contentComesBeforeHeadingsAndEachHitSaysWhereItIs() throws {
        let index = try IndexFixture()
        var heading = IndexFixture.passage("Ohjaamo", index: 0)
        heading.kind = .heading
        let title = IndexFixture.passage("Ohjaamo Rovaniemi", page: 2, index: 0)
        let content = IndexFixture.passage(
            "Rovaniemen Ohjaamossa nuoret saavat ilman ajanvarausta ohjausta, jota TE-toimisto, kunnan nuorisotyö ja "
                + "oppilaitokset antavat yhdessä samassa paikassa, ja palvelua kehitetään palautteen perusteella.",
            page: 3, index: 0, labels: [("ohjaamo.toteutus", 0.8, "Ohjaamossa")])
        try index.add("lappi/a.pdf", region: "lappi", passages: [heading, title])
        try index.add("lappi/b.pdf", region: "lappi", passages: [content])
        let hits = try ReportSearch(indexFile: index.indexFile).run("ohjaamo")
        #expect(hits.map(\.page) == [3, 1, 2] || hits.map(\.page) == [3, 2, 1], "\(hits.map(\.page))")
        #expect(hits.first?.headingOnly == false && hits.dropFirst().allSatisfy(\.headingOnly))
        #expect(
            hits.first?.labels == ["ohjaamo.toteutus"] && hits.first?.region == "lappi"
                && hits.first?.document == "lappi/b.pdf")
        #expect(hits.first?.kind == .paragraph && hits[1].rank > hits[0].rank)
    }
}

/// `elo search --json` writes each hit as one flat object; scripts read these keys.
@Suite struct SearchJSONShapeTests {
    @Test func aHitIsOneFlatObjectWithItsHighlights() throws {
        let index = try IndexFixture()
        let passage = IndexFixture.passage(
            "Ohjaamossa nuoret saavat ohjausta ilman ajanvarausta.", page: 2, index: 1,
            labels: [("ohjaamo.toteutus", 0.8, "Ohjaamossa")])
        try index.add("lappi/b.pdf", region: "lappi", passages: [passage])
        var hits = try ReportSearch(indexFile: index.indexFile).run("ohjaamo")
        try #require(hits.count == 1)
        hits[0].rank = -1.5
        let json = String(decoding: try ReportJSON.encode(hits), as: UTF8.self)
        #expect(
            json == """
                [
                  {
                    "document" : "lappi/b.pdf",
                    "heading_only" : false,
                    "highlights" : [
                      {
                        "end" : 10,
                        "start" : 0
                      }
                    ],
                    "kind" : "paragraph",
                    "labels" : [
                      "ohjaamo.toteutus"
                    ],
                    "language" : "fi",
                    "page" : 2,
                    "passage" : 1,
                    "rank" : -1.5,
                    "region" : "lappi",
                    "text" : "Ohjaamossa nuoret saavat ohjausta ilman ajanvarausta."
                  }
                ]

                """, "\(json)")
        let decoded = try ReportJSON.decode([ReportSearch.Hit].self, from: Data(json.utf8))
        #expect(decoded == hits)
    }
}
