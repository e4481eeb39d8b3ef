import EloCore
import Foundation

/// The national matrix for spreadsheets: one row per region, one column per label, the level in each cell.
public struct NationalCSVRenderer: Sendable {
    public var report: CoverageReport

    public init(report: CoverageReport) { self.report = report }

    public func render() -> Data {
        var rows = [["region", "name"] + report.labels.map(\.id)]
        for region in report.regions {
            rows.append([region.region, region.name] + report.labels.map {
                (region.coverage(of: $0.id)?.level ?? .notAssessed).rawValue
            })
        }
        return CSVText.file(rows)
    }
}
