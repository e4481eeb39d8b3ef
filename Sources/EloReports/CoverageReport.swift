import EloCore

/// The coverage of every region for one pipeline: what the national matrix, the CSV and the region
/// pages are rendered from, and what the next run compares itself with.
public struct CoverageReport: Sendable, Codable, Hashable {
    /// The pipeline's name (`elo-2014`).
    public var pipeline: String
    /// A heading for people (`ELO 2014 reports`).
    public var title: String
    /// The labels assessed, set by set, in the order reports show them.
    public var labels: [CoverageLabel]
    public var regions: [RegionCoverage]
    /// When the report was made, as text; injected by the caller so output stays reproducible.
    public var generated: String?
    public var thresholds: CoverageThresholds

    public init(
        pipeline: String, title: String, labels: [CoverageLabel], regions: [RegionCoverage], generated: String? = nil,
        thresholds: CoverageThresholds = .defaults
    ) {
        self.pipeline = pipeline
        self.title = title
        self.labels = labels
        self.regions = regions
        self.generated = generated
        self.thresholds = thresholds
    }

    /// The label set ids in first-seen order.
    public var sets: [String] {
        var seen: Set<String> = []
        return labels.map(\.set).filter { seen.insert($0).inserted }
    }
}
