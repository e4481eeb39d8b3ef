import EloCore
import EloPipeline
import EloTestSupport
import Foundation
import Testing

@testable import EloReports

/// Every quote links to its document's page (all passages with their labels) and to the source file at its
/// page, by relative links.
@Suite struct EvidenceLinksTests {
    static let links = EvidenceLinks(documentPages: true, sources: "../inbox")

    @Test func quotesLinkToTheDocumentPageAndTheSourceAtItsPage() {
        let report = CoverageFixtures.report()
        let html = RegionPageRenderer(report: report, links: Self.links).render(report.regions[0])
        #expect(html.contains("<a href=\"../documents/lappi-toimintasuunnitelma-pdf.html#p2-0\""))
        #expect(html.contains("<a href=\"../../inbox/lappi/toimintasuunnitelma.pdf#page=2\">alkuperäinen tiedosto</a>"))
        let markdown = RegionMarkdownRenderer(report: report, links: Self.links).render(report.regions[0])
        #expect(markdown.contains("](../documents/lappi-toimintasuunnitelma-pdf.html#p2-0)"))
        #expect(markdown.contains("(../../inbox/lappi/toimintasuunnitelma.pdf#page=2)"))
    }

    @Test(arguments: [
        (
            "kaakkois-suomi/Kaakkois-Suomen ELO raportti 2014 (lopullinen).pdf", 3,
            "../../inbox/kaakkois-suomi/Kaakkois-Suomen%20ELO%20raportti%202014%20(lopullinen).pdf#page=3"
        ),
        ("etela-savo/raportti#1.txt", 2, "../../inbox/etela-savo/raportti%231.txt"),
        ("pohjanmaa/österbotten.PDF", 1, "../../inbox/pohjanmaa/%C3%B6sterbotten.PDF#page=1"),
    ])
    func sourceLinksAreEncodedAndOnlyPDFsTakeAPage(document: String, page: Int, expected: String) {
        #expect(Self.links.source(document, page: page) == expected)
    }

    @Test func theInboxIsFoundRelativeToTheReportFolder() {
        let reports = URL(fileURLWithPath: "/srv/elo/out/reports")
        let inbox = URL(fileURLWithPath: "/srv/elo/corpus/inbox")
        #expect(EvidenceLinks.relativePath(from: reports, to: inbox) == "../../corpus/inbox")
        #expect(EvidenceLinks(sources: nil).source("lappi/plan.pdf", page: 1) == nil, "no inbox, no source links")
        #expect(EvidenceLinks(sources: "x").source("/etc/passwd") == nil, "never an absolute path")
    }

    @Test func aDocumentPageShowsEveryPassageWithItsLabels() {
        let labelled = CoverageFixtures.passage(
            "Ohjaamo Kemi aloitti syksyllä.", page: 2, index: 1, label: "ohjaamo.toteutus", score: 0.65, cue: "Ohjaamo")
        var modelled = CoverageFixtures.passage(
            "Palautetta kerätään.", page: 3, label: "okm2011.laatu", score: 0.7, cue: "x")
        modelled.labels?[0].evidence = [
            PassageLabel.Evidence(cue: "model: palaute +0.42", text: "Palautetta", start: 0, end: 10)
        ]
        let plain = Passage(page: 2, index: 0, kind: .heading, language: .swedish, text: "Navigatorn")
        let document = CoverageFixtures.document("lappi/plan.pdf", passages: [plain, labelled, modelled])
        let html = DocumentPageRenderer(report: CoverageFixtures.report(), links: Self.links).render(
            document, region: "lappi")
        #expect(html.contains("id=\"p2-0\" lang=\"sv\"><p>Navigatorn</p>"), "a passage without labels is there too")
        #expect(html.contains("id=\"p2-1\""), "anchors the quotes link to")
        #expect(html.contains("<code>ohjaamo.toteutus</code> Ohjaamon toteutus alueella · pisteet 0,65"))
        #expect(html.contains("osumat: malli: palaute (+0,42)"))
        #expect(html.contains("<a href=\"../regions/lappi.html\">← Alueen sivu</a>"))
        #expect(html.contains("href=\"../../inbox/lappi/plan.pdf#page=3\""))
    }

    @Test func reportJobWritesADocumentPageForEveryLinkedDocument() throws {
        let index = try IndexFixture.standard()
        try index.folder.write(
            Data(
                """
                name: elo-2014
                inbox: inbox
                output: out
                label_sets: [labels/okm2011.yaml]
                """.utf8), to: "pipelines/p.yaml")
        try index.folder.write(
            Data(
                LabelSetFixture.yaml("okm2011", first: [("okm2011.saatavuus", "Saatavuus", "Tillgänglighet")]).utf8),
            to: "pipelines/labels/okm2011.yaml")
        let job = try ReportJob.load(pipeline: index.folder.url.appendingPathComponent("pipelines/p.yaml"))
        try job.write(generated: nil)
        let folder = job.reportFolder
        let region = try String(contentsOf: folder.appendingPathComponent("regions/lappi.html"), encoding: .utf8)
        let goal = try String(
            contentsOf: folder.appendingPathComponent("goals/okm2011-saatavuus.html"), encoding: .utf8)
        for html in [region, goal] {
            let links = html.components(separatedBy: "href=\"../documents/").dropFirst().compactMap {
                $0.split(separator: "\"").first
            }
            #expect(!links.isEmpty)
            for link in links {
                let parts = link.split(separator: "#").map(String.init)
                let page = try String(
                    contentsOf: folder.appendingPathComponent("documents/" + parts[0]), encoding: .utf8)
                if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(link)") }
            }
        }
        #expect(region.contains("href=\"../../../inbox/lappi/plan.pdf#page=2\""), "relative to out/reports/regions")
        #expect(goal.contains("href=\"../../../inbox/lappi/plan.pdf#page=2\""), "and from out/reports/goals")
    }
}
