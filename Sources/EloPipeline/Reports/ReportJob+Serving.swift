import EloCore
import EloReports
import EloSpreadsheet
import Foundation

/// The reports as `elo serve` shows them: the same files `write` writes, rendered in memory from the index
/// opened read-only, with source-file links under `sources/` (the server hands out the inbox's files that the
/// index knows, nothing else).
extension ReportJob {
    /// The folder, relative to the served root, under which the pages link to the documents' source files.
    public static let servedSources = "sources"

    /// A report set in memory: the report, its files by path, and the content it was made from.
    public struct RenderedReports: Sendable {
        public var report: CoverageReport
        /// Every file by its relative path (`index.html`, `regions/lappi.html`, `documents/….html`).
        public var files: [String: ReportBundle.File]
        /// The fingerprint of the index content and settings (`fingerprint(generated:)`) it was made from.
        public var fingerprint: String
        /// The inbox-relative paths of the current documents: the only source files that may be served.
        public var sourcePaths: Set<String>
    }

    /// What the reports are made from now: the index's reported content and the report settings, stamped
    /// `generated`. It changes when an ingest commits something the reports show (a cheap read).
    public func fingerprint(generated: String?) throws -> String {
        try ReportState.fingerprint(of: self, generated: generated)
    }

    /// Renders every report file in memory from the index (nothing is written). Changes since the previous run
    /// are those of the last written report (`coverage.json` beside the pages) while the levels are still the
    /// same as there, else the changes since it — so the served pages say what the written ones say.
    public func render(generated: String?) throws -> RenderedReports {
        let fingerprint = try fingerprint(generated: generated)
        let pageDocuments = DocumentPages.read(indexFile)
        let reader = try CoverageIndexReader(indexFile: indexFile)
        let documents = try regionDocuments(reader)
        var generator = generator(generated: generated)
        generator.timeline = try timeline(reader, regions: documents)
        generator.links = EvidenceLinks(
            documentPages: true, sources: inbox == nil ? nil : Self.servedSources, spreadsheet: true)
        generator.extraRenderers = [
            SpreadsheetRenderer(), DocumentPages(documents: pageDocuments, links: generator.links),
        ]
        let computed = generator.report(documents)
        let report =
            generator.previousReport(in: reportFolder).map { CoverageHistory.carryingChanges(to: computed, from: $0) }
            ?? computed
        let bundle = try generator.bundle(of: report, languages: languages)
        let files = Dictionary(bundle.files.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        let sources = Set(documents.flatMap { $0.current.map(\.path) })
        return RenderedReports(report: report, files: files, fingerprint: fingerprint, sourcePaths: sources)
    }
}
