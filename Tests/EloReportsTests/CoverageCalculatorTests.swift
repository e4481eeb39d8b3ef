import EloCore
import Testing

@testable import EloReports

@Suite struct CoverageCalculatorTests {
    let label = CoverageLabel(id: "okm2011.laatu", set: "okm2011", title: "Laatu")

    /// A paragraph long enough to be substantive (16 words).
    static let substantive =
        "Laatu: ryhmä on laatinut ohjauksen laatukriteerit ja seuraa niiden toteutumista asiakaspalautteen avulla kerran vuodessa koko maakunnassa"

    private func level(_ scores: [Double], thresholds: CoverageThresholds = .defaults) -> LabelCoverage {
        let passages = scores.enumerated().map { index, score in
            CoverageFixtures.passage(
                "\(Self.substantive) \(index).", index: index, label: label.id, score: score, cue: "Laatu")
        }
        return CoverageCalculator(labels: [label], thresholds: thresholds)
            .assess([CoverageFixtures.document("a.pdf", passages: passages)])[0]
    }

    @Test(arguments: [
        ([0.9, 0.6], CoverageLevel.covered),
        ([0.5], .covered),  // one substantive passage with the label given is enough by default
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

    private func single(_ passage: Passage) -> LabelCoverage {
        CoverageCalculator(labels: [label]).assess([CoverageFixtures.document("a.pdf", passages: [passage])])[0]
    }

    /// Passing mentions make a label weak, never covered, however high the label scored: a heading, half a
    /// sentence ("will be looked at later"); a list item counts as substantive (its list gives it context).
    @Test func headingsAndHalfSentencesArePassingMentions() {
        var heading = CoverageFixtures.passage("Laatu ja arviointi", label: label.id, score: 0.9, cue: "Laatu")
        heading.kind = .heading
        #expect(single(heading).level == .weak)
        let short = CoverageFixtures.passage(
            "Laatuun palataan myöhemmin syksyllä.", label: label.id, score: 0.9, cue: "Laatu")
        #expect(single(short).level == .weak)
        #expect(single(short).evidence.count == 1, "the passing mention is shown as the evidence of the weak level")
        var item = short
        item.kind = .listItem
        #expect(single(item).level == .covered)
        let long = CoverageFixtures.passage(Self.substantive, label: label.id, score: 0.9, cue: "Laatu")
        #expect(single(long).level == .covered)
        let lenient = CoverageThresholds(substantiveWords: 3)
        #expect(
            CoverageCalculator(labels: [label], thresholds: lenient)
                .assess([CoverageFixtures.document("a.pdf", passages: [short])])[0].level == .covered)
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
        #expect(level([0.9, 0.8, 0.3]).nearMisses.isEmpty, "covered labels have no near-misses")
    }

    /// A near-miss scoring at least the weak score — cues enough, but the classifier set the passage aside as
    /// a passing mention or a deferral — makes the label weak; a lower one is only listed beside the gap.
    @Test func classifierNearMissesMakeALabelWeakNeverCovered() {
        func missed(_ score: Double) -> LabelCoverage {
            var passage = CoverageFixtures.passage(
                Self.substantive, index: 0, label: label.id, score: score, cue: "Laatu")
            passage.nearMisses = passage.labels
            passage.labels = []
            return single(passage)
        }
        #expect(missed(0.93).level == .weak)
        #expect(missed(0.93).passageCount == 1)
        #expect(missed(0.93).nearMisses.isEmpty, "shown as the weak level's evidence")
        #expect(missed(0.45).level == .notCovered)
        #expect(missed(0.45).passageCount == 0)
        #expect(missed(0.45).nearMisses.map(\.score) == [0.45])
    }

    /// A label given only with others (`given_with:`) that the passage lacks is a passing mention with its own
    /// reason, in words naming those labels; with them present, the usual reasons apply.
    @Test(arguments: [(false, NearMissReason.notGivenWith), (true, .setAside)])
    func aNearMissWithoutTheLabelsItIsGivenWithSaysSo(withRequired: Bool, expected: NearMissReason) throws {
        let conditioned = CoverageLabel(
            id: "tem2012.osaaminen", set: "tem2012", title: "Osaaminen", threshold: 0.5,
            givenWith: ["okm2011.osaaminen"])
        var passage = CoverageFixtures.passage(
            Self.substantive, index: 0, label: conditioned.id, score: 0.9, cue: "Laatu")
        let own = passage.labels ?? []
        passage.nearMisses = own
        passage.labels =
            withRequired ? own.map { PassageLabel(id: "okm2011.osaaminen", score: 0.7, evidence: $0.evidence) } : []
        let coverage = CoverageCalculator(labels: [conditioned], thresholds: .defaults)
            .assess([CoverageFixtures.document("a.pdf", passages: [passage])])[0]
        #expect(coverage.level == .weak)
        #expect(coverage.evidence.first?.reason == expected)
        let words = ReportStrings.finnish.reason(.notGivenWith, score: 0.9, label: conditioned, thresholds: .defaults)
        #expect(words.contains("okm2011.osaaminen"), "\(words)")
    }

    /// Evidence from an OCR'd passage says so, with the confidence, in the HTML and Markdown pages.
    @Test func ocrEvidenceIsMarkedWithItsConfidence() {
        var scanned = CoverageFixtures.passage(
            "Laatua arvioidaan palautteella.", index: 0, label: label.id, score: 0.8, cue: "Laatua")
        scanned.ocrConfidence = 0.874
        let coverage = CoverageCalculator(labels: [label], thresholds: .defaults)
            .assess([CoverageFixtures.document("scan.pdf", passages: [scanned])])[0]
        #expect(coverage.evidence.first?.ocrConfidence == 0.874)
        let report = CoverageFixtures.report()
        var region = report.regions[0]
        region.labels[0].evidence = coverage.evidence
        #expect(RegionPageRenderer(report: report).render(region).contains("tekstintunnistus (OCR), luotettavuus 87 %"))
        #expect(
            RegionMarkdownRenderer(report: report).render(region).contains("tekstintunnistus (OCR), luotettavuus 87 %"))
        #expect(
            RegionPageRenderer(report: report, language: .swedish).render(region).contains(
                "textigenkänning (OCR), tillförlitlighet 87 %"))
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

/// The word floor of "covered" counts words as runs of non-space, whatever the spaces are.
@Suite struct SubstantiveWordsTests {
    @Test(arguments: [
        ("", 0), ("   ", 0), ("yksi", 1), ("kaksi sanaa", 2), ("  alussa ja lopussa  ", 3),
        ("rivit\nja\ttabit", 3), ("sitova\u{00A0}väli", 2), ("ohjaus\u{2003}em-väli", 2), ("crlf\r\nrivi", 2),
    ])
    func countsRunsOfNonSpace(text: String, words: Int) {
        let expected = text.split(whereSeparator: { $0.isWhitespace }).count
        #expect(expected == words)
        #expect(CoverageCalculator.hasWords(text, atLeast: words))
        #expect(!CoverageCalculator.hasWords(text, atLeast: words + 1))
    }
}
