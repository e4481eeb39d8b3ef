import EloCore
import EloReports
import Foundation
import Testing

/// Every renderer against a recorded file: output must be byte-for-byte reproducible.
@Suite struct GoldenReportTests {
    let report = CoverageFixtures.report()

    @Test func nationalMatrixHTML() throws {
        try GoldenFile.check(NationalMatrixRenderer(report: report).render(), against: "index.html")
        let swedish = NationalMatrixRenderer(report: report, language: .swedish, alternates: [(.finnish, "index.html")])
        try GoldenFile.check(swedish.render(), against: "index-sv.html")
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
        let language = ReportLanguages.automatic.language(of: region)
        let links = EvidenceLinks(documentPages: true, sources: "../inbox")
        try GoldenFile.check(RegionPageRenderer(report: report, language: language, links: links).render(region), against: base + ".html")
        try GoldenFile.check(RegionMarkdownRenderer(report: report, language: language, links: links).render(region), against: base + ".md")
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

    @Test func everyMatrixLinkLeadsToAnAnchorOnAWrittenPage() throws {
        for report in [report, NationalFixture.report()] {
            let files = Dictionary(try ReportBundle(report).files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) },
                                   uniquingKeysWith: { first, _ in first })
            let index = try #require(files["index.html"])
            let links = index.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                .filter { $0.hasPrefix("regions/") }
            #expect(links.count >= report.regions.count * (report.labels.count + 1))
            for link in links {
                let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
                let page = try #require(files[parts[0]], "\(link) points to a page that is not written")
                if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(link) has no anchor") }
            }
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let first = try ReportBundle(report).files
        let second = try ReportBundle(CoverageFixtures.report()).files
        #expect(first == second)
    }
}
