import EloCore
import Foundation
import Testing

@testable import EloReports

/// A page per goal: every region's level for one goal with its best evidence, in Finnish and Swedish, linked
/// from the national matrix and from the region pages.
@Suite struct GoalPageTests {
    static let links = EvidenceLinks(documentPages: true, sources: "../inbox")

    static func pages(_ report: CoverageReport, links: EvidenceLinks = EvidenceLinks()) throws -> [String: String] {
        Dictionary(
            try ReportBundle(report, links: links).files.map {
                ($0.path, String(decoding: $0.contents, as: UTF8.self))
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// Region name → the class of its level cell, for each row of the goal page's table.
    static func rows(_ page: String) -> [String: String] {
        var rows: [String: String] = [:]
        for row in page.components(separatedBy: "<th class=\"region\" scope=\"row\">").dropFirst() {
            let name = row.components(separatedBy: "\">").dropFirst().first?.components(separatedBy: "</a>").first ?? ""
            let level =
                row.components(separatedBy: "<td class=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
            rows[name] = level
        }
        return rows
    }

    @Test func aGoalPageListsEveryRegionWithItsLevel() throws {
        let report = NationalFixture.report()
        let pages = try Self.pages(report)
        for label in report.labels {
            let path = ReportLayout(report).goalPage(label.id, language: .finnish, national: [.finnish, .swedish])
            let page = try #require(pages[path], "no page for \(label.id)")
            let rows = Self.rows(page)
            let apart = page.components(separatedBy: "<h2 id=\"not-assessed\">").dropFirst().first ?? ""
            for region in report.regions {
                let level = try #require(region.coverage(of: label.id)?.level)
                if level == .notAssessed {
                    #expect(
                        rows[region.name] == nil && apart.contains(">\(region.name)</a>"),
                        "\(region.name) is listed apart")
                } else {
                    #expect(
                        rows[region.name]?.hasPrefix(LevelBadge.cssClass(level)) == true, "\(region.name) on \(path)")
                }
            }
            #expect(rows.count == report.regions.filter(\.isAssessed).count)
        }
    }

    @Test func regionsThatCoverTheGoalComeFirstWithTheirBestQuotes() throws {
        let report = CoverageFixtures.report()
        let page = try #require(try Self.pages(report, links: Self.links)["goals/okm2011-saatavuus.html"])
        #expect(
            page.contains("<html lang=\"fi\">")
                && page.contains("<h1>Ohjauspalveluja on tasapuolisesti saatavissa</h1>"))
        let lappi = try #require(page.range(of: ">Lappi / Lappland</a>"))
        let savo = try #require(page.range(of: "Pohjois-Savo &lt;b&gt;"))
        #expect(lappi.lowerBound < savo.lowerBound, "covered before not covered")
        #expect(page.contains("<td class=\"level-covered\">● Katettu</td><td>0,82</td>"))
        #expect(
            page.contains("<a href=\"../documents/lappi-toimintasuunnitelma-pdf.html#p2-0\""),
            "the quote links to the document page")
        #expect(
            page.contains("<a href=\"../../inbox/lappi/toimintasuunnitelma.pdf#page=2\">alkuperäinen tiedosto</a>"),
            "and to the source page")
        #expect(page.contains("href=\"../../inbox/lappi/toimintasuunnitelma.pdf#page=3\""), "the second best quote too")
        #expect(
            page.contains("<td class=\"level-not-covered incomplete\" title=\"voi muuttua: savo/liite.pdf"),
            "a gap that may change is marked")
        #expect(
            page.contains("ei laskettu: pisteet 0,30 jäivät alle heikon tason rajan 0,50"),
            "the near-miss of a gap says why")
        let apart = try #require(page.components(separatedBy: "<h2 id=\"not-assessed\">").last)
        #expect(
            apart.contains("<a href=\"../regions/osterbotten.html\">Österbotten</a>")
                && apart.contains("(tarvitsee salasanan)"))
        #expect(!page.contains("/srv/") && !page.contains("<script>alert"))
    }

    @Test func theSwedishPageUsesSwedishNamesAndLang() throws {
        let pages = try Self.pages(CoverageFixtures.report(), links: Self.links)
        let page = try #require(pages["goals/okm2011-saatavuus-sv.html"])
        #expect(
            page.contains("<html lang=\"sv\">")
                && page.contains("<h1>Vägledningstjänster finns jämlikt tillgängliga</h1>"))
        #expect(!page.contains("Ohjauspalveluja on tasapuolisesti saatavissa"), "the goal's name from name_sv")
        #expect(
            page.contains("● Täckt") && page.contains("Regioner som inte kunde bedömas") && page.contains("sidan 2</a>")
                && page.contains("poäng 0,82"))
        #expect(page.contains("<a href=\"../index-sv.html\">← Nationell översikt</a>"))
        #expect(page.contains("<a href=\"okm2011-saatavuus.html\" lang=\"fi\" hreflang=\"fi\">Suomeksi</a>"))
        #expect(
            page.contains("<p lang=\"fi\">Ohjauspalvelujen <mark>saatavuus</mark>"),
            "a Finnish quote on a Swedish page says so")
        let visible = ReportLanguageTests.visibleText(page)
        for word in ReportLanguageTests.englishWords + ["Region —", "Score", "Level", "Best"] {
            #expect(!visible.contains(word), "\(word)")
        }
    }

    @Test func theMatrixAndTheRegionPagesLinkToTheGoalPages() throws {
        let pages = try Self.pages(CoverageFixtures.report())
        #expect(
            try #require(pages["index.html"]).contains(
                "<a href=\"goals/ohjaamo-toteutus.html\">Ohjaamon toteutus alueella</a>"))
        #expect(
            try #require(pages["index-sv.html"]).contains(
                "<a href=\"goals/ohjaamo-toteutus-sv.html\">Navigatorn i regionen</a>"))
        #expect(
            try #require(pages["regions/lappi.html"]).contains(
                "<a class=\"muted\" href=\"../goals/okm2011-laatu.html\">Tavoite kaikilla alueilla</a>"))
        let only = try Self.pages(CoverageFixtures.report(), links: EvidenceLinks())
        #expect(only.keys.filter { $0.hasPrefix("goals/") }.count == 6, "three goals in two languages")
    }

    @Test func goalFileNamesStayApartFromEachOtherLanguage() {
        #expect(ReportLayout.goalSlugs(["x.sv", "x", "x-sv"]) == ["x-sv", "x-2", "x-sv-2"])
        let layout = ReportLayout(regions: [], labels: ["okm2011.laatu"])
        #expect(
            layout.goalPage("okm2011.laatu", language: .swedish, national: [.finnish, .swedish])
                == "goals/okm2011-laatu-sv.html")
        #expect(
            layout.goalPage("okm2011.laatu", language: .swedish, national: [.swedish]) == "goals/okm2011-laatu.html")
        #expect(layout.goalPage("okm2011.laatu", linkedFrom: .swedish, national: []) == nil, "no goal pages, no link")
    }

    @Test func theTableKeepsTheRegionColumnInViewAndSortsWithoutAServer() throws {
        let page = try #require(try Self.pages(NationalFixture.report())["goals/elo2020-digitaalisuus.html"])
        #expect(
            page.contains(
                "<th class=\"region\" scope=\"col\">Alue</th><th class=\"label\" scope=\"col\" data-label=\"Taso\">"))
        #expect(
            page.contains("<div class=\"controls\" hidden>") && !page.contains("id=\"f-set\""),
            "level and name filters, no set filter")
        #expect(page.components(separatedBy: "<script").count == 2 && !page.contains("<script src"))
        #expect(ReportStyle.css.contains("table.goal-regions th.region { position: sticky; left: 0;"))
        #expect(ReportStyle.css.contains("table.goal-regions thead th { position: sticky; top: 0;"))
    }
}
