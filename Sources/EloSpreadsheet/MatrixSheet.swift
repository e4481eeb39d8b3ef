import CXLSXWriter
import EloCore
import EloReports

/// The matrix sheet: region id and name, then one column per goal with the level (symbol and word) in the
/// level's colours.
struct MatrixSheet {
    var report: CoverageReport
    var strings: ReportStrings
    var styles: SheetStyles

    func write(into sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let headings = [strings.text("csv.region"), strings.text("csv.name")] + report.labels.map(\.id)
        for (column, heading) in headings.enumerated() { sheet.write(0, column, heading, styles.header) }
        for (index, region) in report.regions.enumerated() {
            sheet.write(index + 1, 0, region.region, styles.text)
            sheet.write(index + 1, 1, region.name, styles.text)
            for (offset, label) in report.labels.enumerated() {
                let level = region.coverage(of: label.id)?.level ?? .notAssessed
                sheet.write(index + 1, offset + 2, SheetText.level(level, strings), styles.level(level))
            }
        }
        sheet.width(0, 0, 18)
        sheet.width(1, 1, 28)
        if !report.labels.isEmpty { sheet.width(2, report.labels.count + 1, 22) }
        sheet.frame(rows: report.regions.count, columns: headings.count, frozenColumns: 2)
    }
}

/// How a level reads in a cell: its symbol and word (`○ Ei katettu`), so it is told apart without colour.
enum SheetText {
    static func level(_ level: CoverageLevel, _ strings: ReportStrings) -> String {
        let symbol =
            switch level {
            case .covered: "●"
            case .weak: "◐"
            case .notCovered: "○"
            case .notAssessed: "?"
            }
        return symbol + " " + strings.level(level)
    }
}
