import CXLSXWriter
import EloCore
import EloReports
import Foundation

/// The national matrix and the gaps as an Excel workbook (`coverage.xlsx`; `coverage-sv.xlsx` in Swedish),
/// written with libxlsxwriter: a sheet of regions × goals and a sheet of the weak and uncovered goals with
/// their best evidence and near-miss. Each sheet has a frozen header row (the matrix also its region columns)
/// and an autofilter; level cells have the colours of the HTML pages (`LevelPalette`) and their symbols.
public struct SpreadsheetRenderer: ReportFileRenderer {
    public init() {}

    public func files(for report: CoverageReport, languages: ReportLanguages) throws -> [ReportBundle.File] {
        try languages.national.map { language in
            ReportBundle.File(
                path: ReportLayout.spreadsheet(for: language, national: languages.national),
                contents: try render(report, language: language))
        }
    }

    /// The workbook's bytes (written to a temporary file, which is removed).
    public func render(_ report: CoverageReport, language: ReportLanguage) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("elo-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try XLSXWorkbook(path: url.path)
        let strings = ReportStrings.of(language)
        let styles = SheetStyles(workbook)
        try MatrixSheet(report: report, strings: strings, styles: styles).write(
            into: try workbook.sheet(strings.text("sheet.matrix")))
        try GapSheet(report: report, strings: strings, styles: styles).write(
            into: try workbook.sheet(strings.text("sheet.gaps")))
        try workbook.close()
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SpreadsheetError(message: "cannot read back \(url.path)")
        }
        return data
    }
}

/// The cell formats a workbook's sheets share.
struct SheetStyles {
    let header: UnsafeMutablePointer<lxw_format>?
    let text: UnsafeMutablePointer<lxw_format>?
    let decimal: UnsafeMutablePointer<lxw_format>?
    let levels: [CoverageLevel: UnsafeMutablePointer<lxw_format>?]

    init(_ workbook: XLSXWorkbook) {
        header = workbook.format(bold: true, fill: 0xF6F8FA)
        text = workbook.format(wrap: true)
        decimal = workbook.format(decimals: true)
        var levels: [CoverageLevel: UnsafeMutablePointer<lxw_format>?] = [:]
        for level in CoverageLevel.allCases {
            let colours = LevelPalette.colours(level)
            levels[level] = workbook.format(bold: true, ink: colours.ink, fill: colours.background)
        }
        self.levels = levels
    }

    func level(_ level: CoverageLevel) -> UnsafeMutablePointer<lxw_format>? { levels[level] ?? nil }
}

extension UnsafeMutablePointer where Pointee == lxw_worksheet {
    func write(_ row: Int, _ column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>?) {
        worksheet_write_string(self, lxw_row_t(row), lxw_col_t(column), text, format)
    }

    func write(_ row: Int, _ column: Int, _ number: Double, _ format: UnsafeMutablePointer<lxw_format>?) {
        worksheet_write_number(self, lxw_row_t(row), lxw_col_t(column), number, format)
    }

    /// Header row frozen (and the first `columns` columns), autofilter over the header and `rows` rows.
    func frame(rows: Int, columns: Int, frozenColumns: Int = 0) {
        worksheet_freeze_panes(self, 1, lxw_col_t(frozenColumns))
        worksheet_autofilter(self, 0, 0, lxw_row_t(rows), lxw_col_t(Swift.max(0, columns - 1)))
    }

    func width(_ first: Int, _ last: Int, _ width: Double, _ format: UnsafeMutablePointer<lxw_format>? = nil) {
        worksheet_set_column(self, lxw_col_t(first), lxw_col_t(last), width, format)
    }
}
