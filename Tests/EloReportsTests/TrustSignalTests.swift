import EloCore
import Foundation
import Testing

@testable import EloReports

/// Results that may change are marked (a gap in a region with a document not read in full), and every
/// near-miss or passing mention says why it did not count.
@Suite struct TrustSignalTests {
    static let label = CoverageLabel(
        id: "okm2011.laatu", set: "okm2011", title: "Ohjauksen laatujärjestelmiä kehitetään", threshold: 0.6)
    static let long =
        "Laatua arvioidaan vuosittain asiakaspalautteen, itsearvioinnin ja yhteisten laatukriteerien avulla koko alueen ohjauksen verkostossa ja sen kaikissa palveluissa."

    static func passage(_ text: String, kind: Passage.Kind = .paragraph, given: Double? = nil, near: Double? = nil)
        -> Passage
    {
        let evidence = [PassageLabel.Evidence(cue: "laatu", text: "Laatua", start: 0, end: 6)]
        var passage = Passage(page: 2, index: 0, kind: kind, language: .finnish, text: text)
        if let given { passage.labels = [PassageLabel(id: label.id, score: given, evidence: evidence)] }
        if let near { passage.nearMisses = [PassageLabel(id: label.id, score: near, evidence: evidence)] }
        return passage
    }

    static func assess(_ passage: Passage, label: CoverageLabel = label) -> LabelCoverage {
        CoverageCalculator(labels: [label]).assess([CoverageFixtures.document("lappi/plan.pdf", passages: [passage])])[
            0]
    }

    @Test func eachNearMissOrMentionSaysWhyItDidNotCount() {
        #expect(Self.assess(Self.passage("Laatu", kind: .heading, given: 0.7)).evidence.first?.reason == .heading)
        let short = Self.assess(Self.passage("Laatua kehitetään.", given: 0.7))
        #expect(short.level == .weak && short.evidence.first?.reason == .shortParagraph)
        #expect(
            Self.assess(Self.passage(Self.long, given: 0.7)).evidence.first?.reason == nil,
            "substantive evidence counts fully")
        #expect(Self.assess(Self.passage(Self.long, given: 0.3)).nearMisses.first?.reason == .belowWeakScore)
        #expect(Self.assess(Self.passage(Self.long, near: 0.45)).nearMisses.first?.reason == .belowThreshold)
        var modelled = Self.label
        modelled.modelled = true
        let ruledOut = Self.assess(Self.passage(Self.long, near: 0.65), label: modelled)
        #expect(ruledOut.level == .weak && ruledOut.evidence.first?.reason == .ruledOutByModel)
        #expect(Self.assess(Self.passage(Self.long, near: 0.65)).evidence.first?.reason == .setAside)
    }

    @Test func reasonsAreWrittenOnRegionPagesAndInGaps() throws {
        let report = CoverageFixtures.report()
        let savo = report.regions[1]
        let html = RegionPageRenderer(report: report).render(savo)
        #expect(html.contains("ei laskettu: pisteet 0,30 jäivät alle heikon tason rajan 0,50"))
        let markdown = RegionMarkdownRenderer(report: report, language: .swedish).render(savo)
        #expect(markdown.contains("räknades inte: poängen 0,30 låg under gränsen 0,50 för svag nivå"))
        let gap = try #require(GapQuery(regions: [savo.region], labels: ["okm2011.saatavuus"]).run(report).first)
        #expect(gap.nearMisses.first?.reason == .belowWeakScore)
        #expect(GapQuery.table([gap]).contains("why not counted: below-weak-score"))
    }

    @Test func gapsThatMayChangeAreMarkedWithTheDocumentAndWhatToDo() throws {
        let report = CoverageFixtures.report()
        let matrix = NationalMatrixRenderer(report: report).render()
        let savoRow = try #require(matrix.components(separatedBy: "\n").first { $0.contains("etc-passwd.html\">") })
        #expect(
            savoRow.components(separatedBy: "class=\"level-not-covered incomplete\"").count == 4,
            "every gap of the region")
        #expect(savoRow.contains("voi muuttua: savo/liite.pdf (tarvitsee tekstintunnistuksen (OCR))"))
        let lappiRow = try #require(matrix.components(separatedBy: "\n").first { $0.contains("lappi.html\">") })
        #expect(!lappiRow.contains("incomplete"), "all of Lappi's documents were read")
        let page = RegionPageRenderer(report: report).render(report.regions[1])
        #expect(page.contains("class=\"caveat-note\""))
        #expect(
            page.contains(
                "<code>savo/liite.pdf</code> (tarvitsee tekstintunnistuksen (OCR)): Sivuilla ei ole tekstiä (skannattu)"
            ))
        let gaps = GapQuery(regions: [report.regions[1].region]).run(report)
        #expect(!gaps.isEmpty && gaps.allSatisfy { $0.incompleteDocuments?.first?.document == "savo/liite.pdf" })
        #expect(gaps.allSatisfy { $0.incompleteDocuments?.first?.action == "no text layer: run OCR" })
        let json = String(decoding: try ReportJSON.encode(gaps), as: UTF8.self)
        #expect(json.contains("\"incomplete_documents\""))
        #expect(GapQuery.table(gaps).contains("! may change: savo/liite.pdf is needs-ocr — no text layer: run OCR"))
    }

    @Test func aPartiallyReadDocumentMakesGapsProvisionalToo() {
        var region = RegionCoverage(
            region: "kainuu", name: "Kainuu",
            documents: [
                CoverageDocument(
                    path: "kainuu/plan.pdf", status: .partial, pages: 9, language: .finnish, diagnostics: [])
            ], labels: [])
        #expect(region.dependsOnIncompleteDocuments(.notCovered) && region.dependsOnIncompleteDocuments(.weak))
        #expect(!region.dependsOnIncompleteDocuments(.covered))
        region.documents[0].status = .ok
        #expect(!region.dependsOnIncompleteDocuments(.notCovered))
        let named = CoverageDocument(
            path: "kainuu/plan.pdf", status: .failed, pages: 0, language: .unknown,
            diagnostics: [
                Diagnostic(
                    id: "extraction.unreadable", severity: .error,
                    message: "kainuu/plan.pdf: cannot be read — ask the region for a new copy")
            ])
        region.documents = [named]
        #expect(
            GapQuery().run(
                CoverageReport(
                    pipeline: "p", title: "t", labels: [Self.label],
                    regions: [
                        CoverageCalculator(labels: [Self.label]).run(
                            region: "kainuu", name: "Kainuu",
                            documents: [
                                CoverageFixtures.document(
                                    "kainuu/plan.pdf", status: .failed, diagnostics: named.diagnostics),
                                CoverageFixtures.document("kainuu/other.pdf"),
                            ])
                    ])
            ).first?.incompleteDocuments?.first?.action == "cannot be read — ask the region for a new copy",
            "the path is said once")
        #expect(
            TrustText.action(
                CoverageDocument(path: "x.pdf", status: .partial, pages: 1, language: .finnish, diagnostics: []),
                .finnish)
                == "Osa sivuista jäi lukematta — pyydä alueelta uusi kopio.")
    }
}
