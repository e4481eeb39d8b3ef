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
        try GoldenFile.check(
            RegionPageRenderer(report: report, language: language, links: links).render(region), against: base + ".html"
        )
        try GoldenFile.check(
            RegionMarkdownRenderer(report: report, language: language, links: links).render(region),
            against: base + ".md")
        try GoldenFile.check(ReportJSON.encode(region), against: base + ".json")
    }

    @Test func goalPages() throws {
        let links = EvidenceLinks(documentPages: true, sources: "../inbox")
        let pages = ReportBundle.goalPages(report, national: [.finnish, .swedish], links: links)
        #expect(pages.count == report.labels.count * 2)
        for page in pages where page.path.hasPrefix("goals/okm2011-saatavuus") {
            try GoldenFile.check(page.contents, against: page.path)
        }
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
        let pages: Set = ["index.html", "goals/elo2020-digitaalisuus.html", "goals/elo2020-digitaalisuus-sv.html"]
        for file in bundle.files where pages.contains(file.path) || file.path.hasPrefix("regions/pohjois-savo.") {
            try GoldenFile.check(file.contents, against: "national/" + file.path)
        }
    }

    @Test func everyMatrixLinkLeadsToAnAnchorOnAWrittenPage() throws {
        for report in [report, NationalFixture.report()] {
            let files = Dictionary(
                try ReportBundle(report).files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) },
                uniquingKeysWith: { first, _ in first })
            let index = try #require(files["index.html"])
            let links = index.components(separatedBy: "href=\"").dropFirst().compactMap {
                $0.split(separator: "\"").first.map(String.init)
            }
            .filter { $0.hasPrefix("regions/") }
            #expect(links.count >= report.regions.count * (report.labels.count + 1))
            #expect(
                index.components(separatedBy: "href=\"goals/").count - 1 == report.labels.count,
                "the goals list links every goal")
            for (path, page) in files where path.hasSuffix(".html") {
                try Self.checkLinks(of: page, at: path, in: files)
            }
        }
    }

    /// Every relative link of the page at `path` leads to a file of the bundle and, with a fragment, to an
    /// element with that id there (the national matrix, goal pages and region pages link to each other).
    static func checkLinks(of page: String, at path: String, in files: [String: String]) throws {
        let folder = path.split(separator: "/").dropLast().map(String.init)
        let links = page.components(separatedBy: "href=\"").dropFirst().compactMap {
            $0.split(separator: "\"", omittingEmptySubsequences: false).first.map(String.init)
        }
        #expect(!links.isEmpty, "\(path) links nowhere")
        for link in links {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var target = folder
            for part in parts[0].split(separator: "/") {
                if part == ".." { target = Array(target.dropLast()) } else { target.append(String(part)) }
            }
            let file = parts[0].isEmpty ? path : target.joined(separator: "/")
            let linked = try #require(files[file], "\(path): \(link) points to a file that is not written")
            if parts.count == 2 { #expect(linked.contains("id=\"\(parts[1])\""), "\(path): \(link) has no anchor") }
        }
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let first = try ReportBundle(report).files
        let second = try ReportBundle(CoverageFixtures.report()).files
        #expect(first == second)
    }
}
