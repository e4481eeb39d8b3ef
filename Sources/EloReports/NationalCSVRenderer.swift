import EloCore
import Foundation

/// The national matrix for spreadsheets: one row per region, one column per label, the level in each cell.
/// In the Finnish dialect the headings and levels are words of the report language; in `rfc4180` the codes.
public struct NationalCSVRenderer: ReportPageRendering, Sendable {
    public let context: ReportContext
    public var dialect: CSVDialect

    public init(report: CoverageReport, dialect: CSVDialect = .finnish, language: ReportLanguage = .finnish) {
        context = ReportContext(report: report, language: language)
        self.dialect = dialect
    }

    public func render() -> Data {
        let words = dialect == .finnish
        let heading = words ? [strings.text("csv.region"), strings.text("csv.name")] : ["region", "name"]
        var rows = [heading + report.labels.map(\.id)]
        for region in report.regions {
            rows.append(
                [region.region, region.name]
                    + report.labels.map {
                        let level = region.coverage(of: $0.id)?.level ?? .notAssessed
                        return words ? strings.level(level) : level.rawValue
                    })
        }
        return CSVText.file(rows, dialect: dialect)
    }
}
