import EloCore
import EloPipeline
import EloReports
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// `elo report` / `elo gaps` end to end: a pipeline folder, an index written by the ingest writer, the reports.
@Suite struct ReportJobTests {
    private func pipeline(in index: IndexFixture, coverage: String = "") throws -> URL {
        try index.folder.write(
            Data(
                """
                name: elo-2014
                title: ELO 2014 — test
                inbox: inbox
                output: out
                label_sets:
                  - labels/ohjaamo.yaml
                  - labels/okm2011.yaml
                \(coverage)
                """.utf8), to: "pipelines/p.yaml")
        try index.folder.write(
            Data(
                LabelSetFixture.yaml(
                    "ohjaamo", first: [("ohjaamo.toteutus", "Ohjaamon toteutus alueella", "Navigatorns genomförande")]
                ).utf8),
            to: "pipelines/labels/ohjaamo.yaml")
        try index.folder.write(
            Data(
                LabelSetFixture.yaml(
                    "okm2011",
                    first: [
                        ("okm2011.saatavuus", "Saatavuus", "Tillgänglighet"), ("okm2011.laatu", "Laatu", "Kvalitet"),
                        ("okm2011.urataidot", "Urasuunnittelutaidot", "Karriärplanering"),
                    ]
                ).utf8), to: "pipelines/labels/okm2011.yaml")
        for (id, fi, sv) in [
            ("lappi", "Lappi", "Lappland"), ("kainuu", "Kainuu", "Kainuu"), ("uusimaa", "Uusimaa", "Nyland"),
        ] {
            try index.folder.write(
                Data("id: \(id)\nname_fi: \(fi)\nname_sv: \(sv)\n".utf8), to: "pipelines/regions/\(id).yaml")
        }
        return index.folder.url.appendingPathComponent("pipelines/p.yaml")
    }

    @Test func writesTheReportFolderFromThePipelineFile() throws {
        let index = try IndexFixture.standard()
        let job = try ReportJob.load(pipeline: try pipeline(in: index))
        let expected =
            LabelSetFixture.ids("ohjaamo", first: ["ohjaamo.toteutus"])
            + LabelSetFixture.ids("okm2011", first: ["okm2011.saatavuus", "okm2011.laatu", "okm2011.urataidot"])
        #expect(job.labels.map(\.id) == expected, "label-set and file order")
        #expect(job.labels.first { $0.id == "okm2011.urataidot" }?.titleSwedish == "Karriärplanering")
        let report = try job.write(generated: "2014-06-30")
        #expect(report.title == "ELO 2014 — test")
        #expect(report.regions.map(\.region) == ["kainuu", "lappi", "uusimaa", "pohjanmaa"])
        #expect(report.regions.map(\.name).prefix(3) == ["Kainuu", "Lappi / Lappland", "Uusimaa / Nyland"])
        #expect(
            report.regions[1].coverage(of: "okm2011.urataidot")?.level == .notCovered,
            "a label no passage carries is a gap")
        #expect(report.regions[0].labels.allSatisfy { $0.level == .notAssessed })
        for file in [
            "index.html", "coverage.csv", "coverage.json", "regions/lappi.html", "regions/lappi.md",
            "regions/uusimaa.json",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: job.reportFolder.appendingPathComponent(file).path), "\(file)")
        }
        let gaps = GapQuery(regions: ["lappi"]).run(try job.coverage())
        // The index fixture's passages are one short sentence each: with the default word floor they are
        // passing mentions, so every label the plan carries is a weak gap.
        #expect(gaps.map(\.label) == expected)
    }

    @Test func thresholdsFromThePipelineFileChangeLevels() throws {
        let index = try IndexFixture.standard()
        let strict = try ReportJob.load(
            pipeline: try pipeline(
                in: index,
                coverage: """
                    coverage:
                      covered: {passages: 1, score: 0.85}
                      weak: {passages: 1, score: 0.5}
                    """))
        let lappi = try #require(try strict.coverage().regions.first { $0.region == "lappi" })
        #expect(lappi.coverage(of: "ohjaamo.toteutus")?.level == .weak, "0.8 is below the stricter covered score")
    }

    @Test func aMissingIndexIsExplained() throws {
        let index = try IndexFixture.standard()
        let url = try pipeline(in: index)
        let job = try ReportJob.load(pipeline: url, output: index.folder.url.appendingPathComponent("elsewhere"))
        #expect(throws: PipelineFailure.self) { try job.coverage() }
    }
}
