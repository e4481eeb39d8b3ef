import EloCore

/// One change in a region's history: a goal whose level differs between two runs (`previous-run`) or between
/// two versions of one of the region's documents (`previous-version`), with when each side was seen, the
/// document version that decided it and the evidence before and after. What `elo changes` prints and the
/// region pages' timeline and the national changes page show.
public struct TimelineChange: Sendable, Codable, Hashable {
    public var region: String
    public var labelSet: String
    public var label: String
    public var basis: CoverageChange.Basis
    public var from: CoverageLevel
    public var to: CoverageLevel
    /// When the newer state was seen: the later run's start, or when both versions were in the index.
    public var date: String
    /// When the older state was seen: the earlier run's start, or when the older version arrived.
    public var previousDate: String
    /// The runs compared (`previous-run` only).
    public var run: Int64?
    public var previousRun: Int64?
    /// The document version that decided the change: the newer version, or the one giving the new level.
    public var decidedBy: DocumentVersionReference?
    public var evidenceBefore: TimelineEvidence?
    public var evidenceAfter: TimelineEvidence?

    /// The same change as a `CoverageChange` (for its direction and wording).
    public var change: CoverageChange { CoverageChange(label: label, basis: basis, from: from, to: to) }

    enum CodingKeys: String, CodingKey {
        case region, label, basis, from, to, date, run, direction
        case labelSet = "label_set"
        case previousDate = "previous_date"
        case previousRun = "previous_run"
        case document, version
        case evidenceBefore = "evidence_before"
        case evidenceAfter = "evidence_after"
    }

    /// Every key is always written (`null` when empty), so scripts see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(region, forKey: .region)
        try container.encode(labelSet, forKey: .labelSet)
        try container.encode(label, forKey: .label)
        try container.encode(basis, forKey: .basis)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(change.direction, forKey: .direction)
        try container.encode(date, forKey: .date)
        try container.encode(previousDate, forKey: .previousDate)
        try container.encode(run, forKey: .run)
        try container.encode(previousRun, forKey: .previousRun)
        try container.encode(decidedBy?.document, forKey: .document)
        try container.encode(decidedBy?.version, forKey: .version)
        try container.encode(evidenceBefore, forKey: .evidenceBefore)
        try container.encode(evidenceAfter, forKey: .evidenceAfter)
    }
}

extension TimelineChange {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        region = try container.decode(String.self, forKey: .region)
        labelSet = try container.decode(String.self, forKey: .labelSet)
        label = try container.decode(String.self, forKey: .label)
        basis = try container.decode(CoverageChange.Basis.self, forKey: .basis)
        from = try container.decode(CoverageLevel.self, forKey: .from)
        to = try container.decode(CoverageLevel.self, forKey: .to)
        date = try container.decode(String.self, forKey: .date)
        previousDate = try container.decode(String.self, forKey: .previousDate)
        run = try container.decodeIfPresent(Int64.self, forKey: .run)
        previousRun = try container.decodeIfPresent(Int64.self, forKey: .previousRun)
        decidedBy = try container.decodeIfPresent(String.self, forKey: .document).map {
            DocumentVersionReference(document: $0, version: try container.decodeIfPresent(Int.self, forKey: .version))
        }
        evidenceBefore = try container.decodeIfPresent(TimelineEvidence.self, forKey: .evidenceBefore)
        evidenceAfter = try container.decodeIfPresent(TimelineEvidence.self, forKey: .evidenceAfter)
    }
}
