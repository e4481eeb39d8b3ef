import EloCore
import Foundation

/// The national matrix for spreadsheets: one row per region, one column per label, the level in each cell.
/// In the Finnish dialect the headings and levels are words of the report language; in `rfc4180` the codes.
public struct NationalCSVRenderer: Sendable {
    public var report: CoverageReport
    public var dialect: CSVDialect
    public var language: ReportLanguage

    public init(report: CoverageReport, dialect: CSVDialect = .finnish, language: ReportLanguage = .finnish) {
        self.report = report
        self.dialect = dialect
        self.language = language
    }

    public func render() -> Data {
        let strings = ReportStrings.of(language)
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
