import CXLSXWriter
import EloCore
import EloReports

/// The gaps sheet: one row per region and weak or uncovered goal, with the goal's name, the level in its
/// colours, and the best evidence and near-miss (document, page, score as a number, quote).
struct GapSheet {
    var report: CoverageReport
    var strings: ReportStrings
    var styles: SheetStyles

    static let headingKeys = [
        "csv.region", "csv.name", "sheet.set", "sheet.label", "sheet.goal", "sheet.level",
        "sheet.evidence-document", "sheet.evidence-page", "sheet.evidence-score", "sheet.evidence-quote",
        "sheet.near-miss-document", "sheet.near-miss-page", "sheet.near-miss-score", "sheet.near-miss-quote",
        "sheet.near-miss-reason", "sheet.may-change",
    ]

    func write(into sheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        for (column, key) in Self.headingKeys.enumerated() { sheet.write(0, column, strings.text(key), styles.header) }
        let regions = Dictionary(report.regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        let labels = Dictionary(report.labels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let gaps = GapQuery().run(report)
        for (index, gap) in gaps.enumerated() {
            let row = index + 1
            sheet.write(row, 0, gap.region, styles.text)
            sheet.write(row, 1, regions[gap.region]?.name ?? gap.region, styles.text)
            sheet.write(row, 2, gap.set, styles.text)
            sheet.write(row, 3, gap.label, styles.text)
            sheet.write(
                row, 4, labels[gap.label]?.title(swedish: strings.language == .swedish) ?? gap.label, styles.text)
            sheet.write(row, 5, SheetText.level(gap.level, strings), styles.level(gap.level))
            quote(gap.evidence.first, into: sheet, row: row, column: 6)
            quote(gap.nearMisses.first, into: sheet, row: row, column: 10)
            if let near = gap.nearMisses.first, let reason = near.reason {
                sheet.write(
                    row, 14,
                    strings.reason(reason, score: near.score, label: labels[gap.label], thresholds: report.thresholds),
                    styles.text)
            }
            if gap.incompleteDocuments != nil, let region = regions[gap.region] {
                sheet.write(row, 15, "! " + strings.incompleteDocuments(of: region), styles.text)
            }
        }
        sheet.width(0, 0, 16)
        sheet.width(1, 1, 22)
        sheet.width(2, 3, 18)
        sheet.width(4, 4, 40)
        sheet.width(5, 5, 18)
        sheet.width(6, 13, 14)
        sheet.width(9, 9, 60)
        sheet.width(13, 15, 60)
        sheet.frame(rows: gaps.count, columns: Self.headingKeys.count)
    }

    private func quote(
        _ quote: GapRecord.Quote?, into sheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int
    ) {
        guard let quote else { return }
        sheet.write(row, column, quote.document, styles.text)
        sheet.write(row, column + 1, Double(quote.page), nil)
        sheet.write(row, column + 2, quote.score, styles.decimal)
        sheet.write(row, column + 3, quote.quote, styles.text)
    }
}
