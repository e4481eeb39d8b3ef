import EloCore

/// A kind of report file rendered outside this module — the spreadsheet, whose C library lives in its own
/// module — handed to `ReportGenerator` so its files are written with the others.
public protocol ReportFileRenderer: Sendable {
    /// The files for `report`, in the national pages' languages.
    func files(for report: CoverageReport, languages: ReportLanguages) throws -> [ReportBundle.File]
}
