import EloCore

extension CoverageSnapshot {
    /// The snapshot of `coverage` for `run`: each label's level with its best evidence (the document is named by
    /// its path; the index knows which of its versions that is).
    public init(_ coverage: RegionCoverage, run: Int64, takenAt: String) {
        self.init(
            run: run, takenAt: takenAt, region: coverage.region,
            entries: coverage.labels.map { entry in
                let best = entry.evidence.first
                return Entry(
                    labelSet: entry.label.set, label: entry.label.id, level: entry.level, score: best?.score,
                    decidedBy: best.map { DocumentVersionReference(document: $0.document) },
                    evidence: best.map(TimelineEvidence.init))
            })
    }
}
