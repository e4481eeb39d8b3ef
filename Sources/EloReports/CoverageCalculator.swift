import EloCore

/// Turns a region's classified documents into a coverage level per label, with evidence and near-misses.
///
/// Pure: it reads no index and no files. Levels mean what the answer key means (`CoverageThresholds`):
/// `covered` when at least `covered.passages` passages substantively address the goal — the label given
/// (scoring `covered.score` or more) on a list item or a paragraph of `substantiveWords` words or more; else
/// `weak` when at least `weak.passages` passages mention it in passing — the label given on a heading or a
/// shorter paragraph, or a near-miss (not given) scoring `weak.score` or more; else `notCovered`. A region
/// without a readable document is `notAssessed` for every label. Near-misses, shown for gaps only, are the
/// other candidates: the classifier's `Passage.nearMisses` and given labels below the weak score, down to
/// `nearMissScore`.
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
        region: String, name: String, documents: [Document], previousVersions: [Document]? = nil,
        language: Language? = nil
    ) -> RegionCoverage {
        var coverage = RegionCoverage(
            region: region, name: name, documents: documents.map(CoverageDocument.init),
            labels: assess(documents), language: language)
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
                    byLabel[label.id, default: []].append(
                        Candidate(document: document, passage: passage, label: label, nearMiss: true))
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
        let substantive = ranked.filter(isSubstantive)
        let mentions = ranked.filter { !isSubstantive($0) && $0.label.score >= thresholds.weak.score }
        let level: CoverageLevel =
            if substantive.count >= thresholds.covered.passages {
                .covered
            } else if substantive.count + mentions.count >= thresholds.weak.passages { .weak } else { .notCovered }
        let counted = level == .covered ? substantive : substantive + mentions
        let near =
            switch level {
            case .notCovered: ranked
            case .weak: ranked.filter { $0.label.score < thresholds.weak.score }
            default: [Candidate]()
            }
        return LabelCoverage(
            label: label, level: level,
            evidence: counted.prefix(thresholds.evidenceLimit).map { evidence($0, label: label) },
            passageCount: counted.count,
            nearMisses: near.prefix(thresholds.nearMissLimit).map { evidence($0, label: label) })
    }

    /// A given label, scoring at least the covered score, on a list item or a paragraph long enough to say
    /// something about the goal (not a heading, not half a sentence).
    private func isSubstantive(_ candidate: Candidate) -> Bool {
        guard !candidate.nearMiss, candidate.label.score >= thresholds.covered.score else { return false }
        switch candidate.passage.kind {
        case .heading: return false
        case .listItem: return true
        case .paragraph: return Self.hasWords(candidate.passage.text, atLeast: thresholds.substantiveWords)
        }
    }

    /// Whether `text` has `count` or more words (runs of non-space), counted without copying and stopping at
    /// `count`: coverage asks this of every candidate passage.
    static func hasWords(_ text: String, atLeast count: Int) -> Bool {
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let space =
                scalar.isASCII
                ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if space {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= count { return true }
            }
        }
        return words >= count
    }

    /// Why a candidate does not count fully (nil when it is substantive evidence).
    private func reason(_ candidate: Candidate, label: CoverageLabel) -> NearMissReason? {
        if isSubstantive(candidate) { return nil }
        if candidate.passage.kind == .heading { return .heading }
        let score = candidate.label.score
        guard candidate.nearMiss else {
            if score < thresholds.weak.score { return .belowWeakScore }
            if candidate.passage.kind == .paragraph
                && !Self.hasWords(candidate.passage.text, atLeast: thresholds.substantiveWords)
            {
                return .shortParagraph
            }
            return .belowCoveredScore
        }
        if let required = label.givenWith,
            !required.allSatisfy({ id in candidate.passage.labels?.contains { $0.id == id } ?? false })
        {
            return .notGivenWith
        }
        if score < (label.threshold ?? 0.5) { return .belowThreshold }
        return label.modelled == true ? .ruledOutByModel : .setAside
    }

    private func evidence(_ candidate: Candidate, label: CoverageLabel) -> CoverageEvidence {
        let ranges = candidate.label.evidence.map { $0.start..<max($0.start, $0.end) }
        let excerpt = QuoteExcerpt(text: candidate.passage.text, highlights: ranges, limit: quoteLimit)
        var cues: [String] = []
        for item in candidate.label.evidence where !cues.contains(item.cue) { cues.append(item.cue) }
        return CoverageEvidence(
            document: MachinePath.scrub(candidate.document.path), page: candidate.passage.page,
            passage: candidate.passage.index,
            quote: excerpt.text,
            highlights: excerpt.highlights.map(CoverageEvidence.Highlight.init),
            score: candidate.label.score, cues: cues, ocrConfidence: candidate.passage.ocrConfidence,
            reason: reason(candidate, label: label))
    }
}
