import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloReports

@Suite struct ReportGeneratorTests {
    let label = CoverageLabel(id: "ohjaamo.toteutus", set: "ohjaamo", title: "Ohjaamon toteutus")

    private func region(_ scores: [Double]) -> RegionDocuments {
        let passages = scores.enumerated().map { index, score in
            CoverageFixtures.passage("Ohjaamo \(index)", index: index, label: label.id, score: score, cue: "Ohjaamo")
        }
        return RegionDocuments(
            region: "kainuu", name: "Kainuu", current: [CoverageFixtures.document("kainuu/a.pdf", passages: passages)])
    }

    @Test func secondRunReportsWhatChangedSinceTheFirst() throws {
        let folder = try TemporaryFolder()
        let generator = ReportGenerator(
            pipeline: "elo-2014", title: "T", labels: [label], thresholds: CoverageFixtures.scoreLevels, generated: nil)
        let first = try generator.write([region([0.9, 0.8])], to: folder.url)
        #expect(first.regions[0].labels[0].level == .covered && first.regions[0].changes.isEmpty)
        let second = try generator.write([region([0.2])], to: folder.url)
        #expect(
            second.regions[0].changes == [
                CoverageChange(label: label.id, basis: .previousRun, from: .covered, to: .notCovered)
            ])
        let page = try String(contentsOf: folder.url.appendingPathComponent("regions/kainuu.html"), encoding: .utf8)
        #expect(page.contains("Menetti kattavuuden"))
        let third = try generator.write([region([0.2])], to: folder.url)
        #expect(third.regions[0].changes.isEmpty, "nothing changed since the second run")
    }

    @Test func aCorruptPreviousReportDoesNotStopTheRun() throws {
        let folder = try TemporaryFolder()
        try folder.write(Data("{not json".utf8), to: "coverage.json")
        let generator = ReportGenerator(
            pipeline: "elo-2014", title: "T", labels: [label], thresholds: .defaults, generated: nil)
        let report = try generator.write([region([0.5])], to: folder.url)
        #expect(report.regions[0].labels[0].level == .weak)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("index.html").path))
    }

    @Test func regionsThatDisappearLoseTheirPages() throws {
        let folder = try TemporaryFolder()
        let generator = ReportGenerator(
            pipeline: "p", title: "T", labels: [label], thresholds: .defaults, generated: nil)
        try generator.write(
            [region([0.5]), RegionDocuments(region: "lappi", name: "Lappi", current: [])], to: folder.url)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("regions/lappi.md").path))
        try generator.write([region([0.5])], to: folder.url)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("regions/lappi.md").path))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("regions/kainuu.md").path))
    }
}
