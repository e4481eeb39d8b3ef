import EloCore
import EloReports
import Testing

@Suite struct CoverageCalculatorTests {
    let label = CoverageLabel(id: "okm2011.laatu", set: "okm2011", title: "Laatu")

    private func level(_ scores: [Double], thresholds: CoverageThresholds = .defaults) -> LabelCoverage {
        let passages = scores.enumerated().map { index, score in
            CoverageFixtures.passage("Laatu \(index)", index: index, label: label.id, score: score, cue: "Laatu")
        }
        return CoverageCalculator(labels: [label], thresholds: thresholds)
            .assess([CoverageFixtures.document("a.pdf", passages: passages)])[0]
    }

    @Test(arguments: [
        ([0.9, 0.6], CoverageLevel.covered),
        ([0.6], .covered),          // one substantive passage is enough by default
        ([0.59], .weak),
        ([0.59, 0.59, 0.59], .weak),
        ([0.5], .weak),
        ([0.49, 0.3], .notCovered),
        ([], .notCovered),
    ])
    func levelsFollowTheThresholds(scores: [Double], expected: CoverageLevel) {
        #expect(level(scores).level == expected)
    }

    @Test func thresholdsComeFromConfiguration() {
        let strict = CoverageThresholds(covered: .init(passages: 3, score: 0.8), weak: .init(passages: 2, score: 0.5))
        #expect(level([0.9, 0.9], thresholds: strict).level == .weak)
        #expect(level([0.9], thresholds: strict).level == .notCovered)
        #expect(level([0.9, 0.85, 0.8], thresholds: strict).level == .covered)
    }

    @Test(arguments: [ExtractionStatus.failed, .needsPassword, .needsOCR])
    func unreadableOnlyIsNotAssessedNeverAGap(status: ExtractionStatus) {
        let region = CoverageCalculator(labels: CoverageFixtures.labels)
            .run(region: "r", name: "R", documents: [CoverageFixtures.document("x.pdf", status: status)])
        #expect(region.labels.allSatisfy { $0.level == .notAssessed })
        #expect(!region.labels.contains { $0.level.isGap })
        #expect(!region.isAssessed)
    }

    @Test func noDocumentsIsNotAssessed() {
        let labels = CoverageCalculator(labels: [label]).assess([])
        #expect(labels.map(\.level) == [.notAssessed])
    }

    @Test func readableDocumentsAreAssessedAndUnreadableOnesListed() {
        let region = CoverageFixtures.report().regions[1]
        #expect(region.isAssessed)
        #expect(region.unreadableDocuments.map(\.path) == ["savo/liite.pdf"])
        #expect(region.coverage(of: "okm2011.laatu")?.level == .notCovered)
    }

    @Test func nearMissesAreSubThresholdPassagesBestFirstForGapsOnly() {
        let gap = level([0.45, 0.1, 0.3, 0.4, 0.26])
        #expect(gap.level == .notCovered)
        #expect(gap.nearMisses.map(\.score) == [0.45, 0.4, 0.3], "best three, 0.1 is below near_miss_score")
        #expect(gap.nearMisses.first?.highlights.isEmpty == false, "near-misses keep their evidence")
        let weak = level([0.5, 0.3])
        #expect(weak.nearMisses.map(\.score) == [0.3])
        #expect(level([0.9, 0.8, 0.3]).nearMisses.isEmpty, "covered labels have no near-misses")
    }

    /// The classifier's own near-misses (labels below their threshold) never count towards a level, even
    /// when their score is above the weak score, and are listed beside the gap.
    @Test func classifierNearMissesAreListedButNeverCounted() {
        var missed = CoverageFixtures.passage("Laatua arvioidaan", index: 0, label: label.id, score: 0.55, cue: "Laatu")
        missed.nearMisses = missed.labels
        missed.labels = []
        let coverage = CoverageCalculator(labels: [label], thresholds: .defaults)
            .assess([CoverageFixtures.document("a.pdf", passages: [missed])])[0]
        #expect(coverage.level == .notCovered)
        #expect(coverage.passageCount == 0)
        #expect(coverage.nearMisses.map(\.score) == [0.55])
    }

    /// Evidence from an OCR'd passage says so, with the confidence, in the HTML and Markdown pages.
    @Test func ocrEvidenceIsMarkedWithItsConfidence() {
        var scanned = CoverageFixtures.passage("Laatua arvioidaan palautteella.", index: 0, label: label.id, score: 0.8, cue: "Laatua")
        scanned.ocrConfidence = 0.874
        let coverage = CoverageCalculator(labels: [label], thresholds: .defaults)
            .assess([CoverageFixtures.document("scan.pdf", passages: [scanned])])[0]
        #expect(coverage.evidence.first?.ocrConfidence == 0.874)
        let report = CoverageFixtures.report()
        var region = report.regions[0]
        region.labels[0].evidence = coverage.evidence
        #expect(RegionPageRenderer(report: report).render(region).contains("OCR, confidence 87 %"))
        #expect(RegionMarkdownRenderer(report: report).render(region).contains("OCR (confidence 87 %)"))
    }

    @Test func evidenceIsBestFirstLimitedAndCounted() {
        let result = level([0.61, 0.95, 0.7, 0.55, 0.2])
        #expect(result.evidence.map(\.score) == [0.95, 0.7, 0.61])
        #expect(result.passageCount == 4)
        #expect(result.evidence[0].document == "a.pdf" && result.evidence[0].passage == 1)
        #expect(result.evidence[0].cues == ["Laatu"])
    }

    @Test func changesSinceThePreviousVersionAndRun() throws {
        let lappi = CoverageFixtures.report().regions[0]
        let byBasis = Dictionary(grouping: lappi.changes, by: \.basis)
        let version = try #require(byBasis[.previousVersion])
        #expect(version.map(\.label) == ["okm2011.saatavuus", "okm2011.laatu", "ohjaamo.toteutus"])
        #expect(version[0].direction == .gained && version[0].to == .covered)
        #expect(version[1].from == .covered && version[1].to == .weak && version[1].direction == .lost)
        let run = try #require(byBasis[.previousRun])
        #expect(run == [CoverageChange(label: "ohjaamo.toteutus", basis: .previousRun, from: .weak, to: .covered)])
    }

    @Test func becomingUnreadableIsNotALoss() {
        let change = CoverageChange(label: "x", basis: .previousRun, from: .covered, to: .notAssessed)
        #expect(change.direction == .assessability)
    }
}
