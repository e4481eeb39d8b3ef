import EloCore
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

@testable import EloReports

/// Reports in Finnish and Swedish: every word from the strings files, goal names from the label files,
/// the right `lang`, national pages in both languages, each region in its own.
@Suite struct ReportLanguageTests {
    /// Words of the English pages these reports used to have; none may be left outside document text.
    static let englishWords = [
        "Covered", "Weak", "Not covered", "Not assessed", "Evidence", "Near-miss", "near-miss", "page ", "score",
        "Documents",
        "Language", "Changes", "generated", "pipeline", "passage", "Goals", "matched", "threshold", "Pages", "Notes",
        "None",
        "National matrix", "Could not assess", "Assessed without", "since the previous", "Legend", "Regions with",
    ]

    /// What a reader sees of a page: no style sheet, no tags (class names and ids are not words).
    static func visibleText(_ page: String) -> String {
        var text = page
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    static func pages(_ report: CoverageReport, _ languages: ReportLanguages) throws -> [String: String] {
        Dictionary(
            try ReportBundle(report, languages: languages).files
                .filter { $0.path.hasSuffix(".html") || $0.path.hasSuffix(".md") }
                .map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func bothStringsFilesHaveTheSameKeys() {
        #expect(ReportStrings.finnish.keys == ReportStrings.swedish.keys)
        #expect(ReportStrings.finnish.keys.count > 50)
    }

    @Test(arguments: [ReportLanguages.automatic, .only(.finnish), .only(.swedish)])
    func noEnglishAndNoMissingKeyInAnyPage(languages: ReportLanguages) throws {
        for report in [CoverageFixtures.report(), NationalFixture.report()] {
            for (path, page) in try Self.pages(report, languages) {
                #expect(!page.contains("⟦"), "\(path) uses a key the strings file lacks")
                let visible = Self.visibleText(page)
                for word in Self.englishWords {
                    #expect(!visible.contains(word), "\(path) still says '\(word)'")
                }
            }
        }
    }

    @Test func nationalPagesInBothLanguagesRegionsInTheirOwn() throws {
        let pages = try Self.pages(CoverageFixtures.report(), .automatic)
        let finnish = try #require(pages["index.html"])
        let swedish = try #require(pages["index-sv.html"])
        #expect(
            finnish.contains("<html lang=\"fi\">") && finnish.contains("Ei katettu")
                && finnish.contains("href=\"index-sv.html\""))
        #expect(
            swedish.contains("<html lang=\"sv\">") && swedish.contains("Inte täckt")
                && swedish.contains("href=\"index.html\""))
        #expect(
            swedish.contains("Navigatorn i regionen") && !swedish.contains("Ohjaamon toteutus alueella"),
            "goal names from name_sv")
        let lappi = try #require(pages["regions/lappi.html"])
        let aland = try #require(pages["regions/osterbotten.html"])
        #expect(lappi.contains("<html lang=\"fi\">") && lappi.contains("sivu 2 · pisteet 0,82"))
        #expect(
            aland.contains("<html lang=\"sv\">") && aland.contains("Kunde inte bedömas")
                && aland.contains("href=\"../index-sv.html\""))
        #expect(try #require(pages["regions/osterbotten.md"]).contains("Inte bedömt: 3"))
    }

    @Test func oneLanguageEverywhereWithLang() throws {
        let pages = try Self.pages(CoverageFixtures.report(), .only(.finnish))
        #expect(pages["index-sv.html"] == nil)
        #expect(try #require(pages["regions/osterbotten.html"]).contains("<html lang=\"fi\">"))
        let swedish = try Self.pages(CoverageFixtures.report(), .only(.swedish))
        #expect(try #require(swedish["index.html"]).contains("<html lang=\"sv\">"))
        #expect(try #require(swedish["regions/lappi.html"]).contains("sidan 2 · poäng 0,82"))
    }

    @Test func aRegionWhoseDocumentsAreAllSwedishGetsASwedishPage() {
        var document = CoverageDocument(
            path: "uusimaa/plan.pdf", status: .ok, pages: 3, language: .swedish, diagnostics: [])
        var region = RegionCoverage(region: "uusimaa", name: "Uusimaa", documents: [document], labels: [])
        #expect(ReportLanguages.automatic.language(of: region) == .swedish)
        document.language = .mixed
        region.documents.append(document)
        #expect(ReportLanguages.automatic.language(of: region) == .finnish)
        region.language = .swedish
        #expect(ReportLanguages.automatic.language(of: region) == .swedish, "the region file decides when it says")
    }

    @Test(arguments: [
        ("model: palaute +0.42", ReportLanguage.finnish, "malli: palaute (+0,42)"),
        ("model: vägledning +1.05", .swedish, "modell: vägledning (+1,05)"),
        ("laatu", .finnish, "laatu"),
    ])
    func modelCuesReadAsWordAndWeight(cue: String, language: ReportLanguage, expected: String) {
        #expect(CueText.readable(cue, .of(language)) == expected)
    }

    @Test func regionFilesGiveTheirLanguage() throws {
        let folder = try TemporaryFolder()
        try "id: uusimaa\nname_fi: Uusimaa\nname_sv: Nyland\nlanguage: sv\n".write(
            to: folder.url.appendingPathComponent("uusimaa.yaml"), atomically: true, encoding: .utf8)
        #expect(try RegionCatalog.load(folder: folder.url).regions.first?.language == .swedish)
        try "id: lappi\nname_fi: Lappi\nname_sv: Lappland\nlanguage: de\n".write(
            to: folder.url.appendingPathComponent("lappi.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try RegionCatalog.load(folder: folder.url) }
    }
}
