import EloCore

/// Turns a region's classified documents into a coverage level per label, with evidence and near-misses.
///
/// Pure: it reads no index and no files. Levels follow `CoverageThresholds`: `covered` when at least
/// `covered.passages` passages score `covered.score` or more; else `weak` when at least `weak.passages`
/// score `weak.score` or more; else `notCovered`. A region without a readable document is `notAssessed`
/// for every label. Near-misses, shown for gaps only, are the classifier's `Passage.nearMisses` (labels
/// below their threshold) and given labels scoring below the weak score, down to `nearMissScore`.
public struct CoverageCalculator: Sendable {
    public var labels: [CoverageLabel]
    public var thresholds: CoverageThresholds
    /// Longest quote kept from a passage, in characters; longer passages are cut around the matched words.
    public var quoteLimit: Int

    public init(labels: [CoverageLabel], thresholds: CoverageThresholds = .defaults, quoteLimit: Int = 320) {
        self.labels = labels
        self.thresholds = thresholds
        self.quoteLimit = quoteLimit
    }

    /// One region's assessment from its latest document versions; with `previousVersions`, also the
    /// changes since the region's previous submission (assessed with the same labels and thresholds).
    public func run(
        region: String, name: String, documents: [Document], previousVersions: [Document]? = nil
    ) -> RegionCoverage {
        var coverage = RegionCoverage(
            region: region, name: name, documents: documents.map(CoverageDocument.init),
            labels: assess(documents))
        if let previousVersions, !previousVersions.isEmpty {
            coverage.changes = CoverageChange.between(
                previous: assess(previousVersions), current: coverage.labels, basis: .previousVersion)
        }
        return coverage
    }

    /// The result per label for a set of documents (readable ones only are evidence).
    public func assess(_ documents: [Document]) -> [LabelCoverage] {
        let readable = documents.filter { $0.status.isReadable }
        guard !readable.isEmpty else {
            return labels.map {
                LabelCoverage(label: $0, level: .notAssessed, evidence: [], passageCount: 0, nearMisses: [])
            }
        }
        let scored = candidates(in: readable)
        return labels.map { label in assess(label, candidates: scored[label.id] ?? []) }
    }

    private struct Candidate {
        var document: Document
        var passage: Passage
        var label: PassageLabel
        /// The classifier did not give the label (it scored below the label's threshold).
        var nearMiss = false
    }

    private func candidates(in documents: [Document]) -> [String: [Candidate]] {
        var byLabel: [String: [Candidate]] = [:]
        for document in documents {
            for passage in document.passages {
                for label in passage.labels ?? [] where label.score >= thresholds.nearMissScore {
                    byLabel[label.id, default: []].append(Candidate(document: document, passage: passage, label: label))
                }
                for label in passage.nearMisses ?? [] where label.score >= thresholds.nearMissScore {
                    byLabel[label.id, default: []].append(Candidate(document: document, passage: passage, label: label, nearMiss: true))
                }
            }
        }
        return byLabel
    }

    private func assess(_ label: CoverageLabel, candidates: [Candidate]) -> LabelCoverage {
        let ranked = candidates.sorted { lhs, rhs in
            if lhs.label.score != rhs.label.score { return lhs.label.score > rhs.label.score }
            if lhs.document.path != rhs.document.path { return lhs.document.path < rhs.document.path }
            if lhs.passage.page != rhs.passage.page { return lhs.passage.page < rhs.passage.page }
            return lhs.passage.index < rhs.passage.index
        }
        let given = ranked.filter { !$0.nearMiss }
        let strong = given.filter { $0.label.score >= thresholds.covered.score }.count
        let counted = given.filter { $0.label.score >= thresholds.weak.score }
        let level: CoverageLevel =
            if strong >= thresholds.covered.passages { .covered }
            else if counted.count >= thresholds.weak.passages { .weak }
            else { .notCovered }
        let near = level.isGap ? ranked.filter { $0.nearMiss || $0.label.score < thresholds.weak.score } : []
        return LabelCoverage(
            label: label, level: level,
            evidence: counted.prefix(thresholds.evidenceLimit).map(evidence),
            passageCount: counted.count,
            nearMisses: near.prefix(thresholds.nearMissLimit).map(evidence))
    }

    private func evidence(_ candidate: Candidate) -> CoverageEvidence {
        let ranges = candidate.label.evidence.map { $0.start..<max($0.start, $0.end) }
        let excerpt = QuoteExcerpt(text: candidate.passage.text, highlights: ranges, limit: quoteLimit)
        var cues: [String] = []
        for item in candidate.label.evidence where !cues.contains(item.cue) { cues.append(item.cue) }
        return CoverageEvidence(
            document: candidate.document.path, page: candidate.passage.page, passage: candidate.passage.index,
            quote: excerpt.text,
            highlights: excerpt.highlights.map { CoverageEvidence.Highlight(start: $0.lowerBound, end: $0.upperBound) },
            score: candidate.label.score, cues: cues, ocrConfidence: candidate.passage.ocrConfidence)
    }
}
