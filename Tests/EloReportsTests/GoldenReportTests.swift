import EloCore
import EloReports
import Foundation
import Testing

/// Every renderer against a recorded file: output must be byte-for-byte reproducible.
@Suite struct GoldenReportTests {
    let report = CoverageFixtures.report()

    @Test func nationalMatrixHTML() throws {
        try GoldenFile.check(NationalMatrixRenderer(report: report).render(), against: "index.html")
    }

    @Test func nationalCSV() throws {
        try GoldenFile.check(NationalCSVRenderer(report: report).render(), against: "coverage.csv")
    }

    @Test func wholeReportJSON() throws {
        try GoldenFile.check(ReportJSON.encode(report), against: "coverage.json")
    }

    @Test(arguments: [0, 1, 2])
    func regionFiles(index: Int) throws {
        let region = report.regions[index]
        let base = ReportLayout(report).regionBase(region.region)
        try GoldenFile.check(RegionPageRenderer(report: report).render(region), against: base + ".html")
        try GoldenFile.check(RegionMarkdownRenderer(report: report).render(region), against: base + ".md")
        try GoldenFile.check(ReportJSON.encode(region), against: base + ".json")
    }

    @Test func gapsInThreeFormats() throws {
        let gaps = GapQuery().run(report)
        try GoldenFile.check(ReportJSON.encode(gaps), against: "gaps.json")
        try GoldenFile.check(GapQuery.table(gaps), against: "gaps.txt")
        try GoldenFile.check(GapQuery.csv(gaps), against: "gaps.csv")
    }

    @Test func fullSizeNationalReport() throws {
        let national = NationalFixture.report()
        #expect(national.regions.count == 15 && national.labels.count == 25)
        let levels = Set(national.regions.flatMap { $0.labels.map(\.level) })
        #expect(levels == Set(CoverageLevel.allCases), "the fixture shows every level")
        let bundle = try ReportBundle(national)
        for file in bundle.files where file.path == "index.html" || file.path.hasPrefix("regions/pohjois-savo.") {
            try GoldenFile.check(file.contents, against: "national/" + file.path)
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let first = try ReportBundle(report).files
        let second = try ReportBundle(CoverageFixtures.report()).files
        #expect(first == second)
    }
}
