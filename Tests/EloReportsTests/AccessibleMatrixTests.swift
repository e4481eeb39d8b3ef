import EloCore
import Foundation
import Testing

@testable import EloReports

/// A matrix that works for everyone: colour-blind-safe colours at AA contrast with symbols, sticky headers,
/// filters and sorting that need no server and leave a working page without JavaScript, paths that wrap
/// between their parts, and no machine paths anywhere.
@Suite struct AccessibleMatrixTests {
    @Test(arguments: CoverageLevel.allCases)
    func levelColoursAreOkabeItoWithAAContrast(level: CoverageLevel) {
        let colours = LevelPalette.colours(level)
        #expect(LevelPalette.contrast(colours.ink, colours.background) >= 4.5, "text on a \(level) cell")
        let okabeIto: Set<UInt32> = [0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7]
        if level != .notAssessed { #expect(okabeIto.contains(colours.background)) }
        #expect(Set(CoverageLevel.allCases.map { LevelPalette.colours($0).background }).count == 4)
        #expect(Set(CoverageLevel.allCases.map(LevelBadge.symbol)).count == 4, "a symbol for each level as well")
    }

    @Test func contrastIsComputedAsWCAGDefinesIt() {
        #expect(abs(LevelPalette.contrast(0x000000, 0xFFFFFF) - 21) < 0.01)
        #expect(abs(LevelPalette.contrast(0x777777, 0xFFFFFF) - 4.48) < 0.01)
    }

    @Test func headerAndRegionColumnStickWithCSSAlone() {
        let css = ReportStyle.css
        #expect(css.contains("table.matrix thead th { position: sticky;"))
        #expect(css.contains("table.matrix th.region { position: sticky; left: 0;"))
        #expect(css.contains(".matrix-wrap { overflow: auto;"))
    }

    @Test func filtersAndSortingAreInlineAndHiddenWithoutJavaScript() throws {
        let html = NationalMatrixRenderer(report: NationalFixture.report()).render()
        #expect(html.contains("<div class=\"controls\" hidden>"), "only the script shows the controls")
        #expect(
            html.contains("<select id=\"f-set\">") && html.contains("<select id=\"f-level\">")
                && html.contains("id=\"f-region\""))
        #expect(html.contains("<option value=\"not-covered\">Ei katettu</option>"))
        #expect(html.components(separatedBy: "<script").count == 2, "one inline script")
        #expect(!html.contains("<script src") && html.contains("<script>\n/* elo matrix controls */"))
        #expect(html.contains("data-set=\"ohjaamo\" data-label=\"ohjaamo.nuoret\""))
        let swedish = NationalMatrixRenderer(report: NationalFixture.report(), language: .swedish).render()
        #expect(swedish.contains("flest luckor först") && swedish.contains("Sortera luckorna först efter kolumnen:"))
    }

    @Test func documentPathsWrapBetweenPartsNotInsideWords() {
        let report = CoverageFixtures.report()
        let html = RegionPageRenderer(report: report).render(report.regions[0])
        #expect(html.contains("<code>lappi/<wbr>toimintasuunnitelma.pdf</code>"))
        #expect(
            ReportStyle.css.contains(
                "table.documents th, table.documents td { overflow-wrap: normal; word-break: normal;"))
        #expect(ReportStyle.css.contains("table.documents th { white-space: nowrap; }"), "headings never break")
    }

    @Test func noMachinePathInAnyReportFile() throws {
        let document = CoverageFixtures.document(
            "/srv/elo/corpus/inbox/lappi/plan.pdf", status: .needsPassword,
            diagnostics: [
                Diagnostic(
                    id: "extraction.encrypted", severity: .error,
                    message:
                        "/srv/elo/corpus/inbox/lappi/plan.pdf: encrypted PDF, no password given (/srv/elo/pipelines/elo-2014.yaml)"
                )
            ])
        let region = CoverageCalculator(labels: CoverageFixtures.labels).run(
            region: "lappi", name: "Lappi", documents: [document])
        let report = CoverageReport(
            pipeline: "elo-2014", title: "T", labels: CoverageFixtures.labels, regions: [region])
        for file in try ReportBundle(report).files {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("/srv/"), "\(file.path)")
        }
        let page = DocumentPageRenderer(report: report).render(document, region: "lappi")
        #expect(!page.contains("/srv/"), "the document page's problems too")
        #expect(region.documents[0].path == "lappi/plan.pdf")
        #expect(
            region.documents[0].diagnostics[0].message
                == "lappi/plan.pdf: encrypted PDF, no password given (pipelines/elo-2014.yaml)")
        #expect(
            MachinePath.scrub("see ../shared/x and lappi/plan.pdf") == "see ../shared/x and lappi/plan.pdf",
            "relative paths stay")
    }
}
