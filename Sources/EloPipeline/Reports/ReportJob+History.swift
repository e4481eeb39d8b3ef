import EloCore
import EloIndex
import EloReports
import Foundation

extension ReportJob {
    /// The regions' coverage history as the index has it: the changes between the snapshots of the ingest runs
    /// and between document versions (read-only; `elo changes` and the reports show it).
    public func timeline() throws -> CoverageTimeline {
        let reader = try CoverageIndexReader(indexFile: indexFile)
        return try timeline(reader, regions: try regionDocuments(reader))
    }

    func timeline(_ reader: CoverageIndexReader, regions: [RegionDocuments]) throws -> CoverageTimeline {
        let calculator = CoverageCalculator(labels: labels, thresholds: settings.thresholds)
        let versions = try reader.versionChanges(regions, calculator: calculator)
        return CoverageTimeline(runs: CoverageTimeline.betweenRuns(try reader.snapshots()), versions: versions)
    }

    /// Keeps `report`'s coverage in the index as `run`'s snapshot (each region only when it changed).
    func recordSnapshot(of report: CoverageReport, run: Int64) throws {
        let store = try IndexStore(url: indexFile)
        try store.recordCoverage(report.regions.map { CoverageSnapshot($0, run: run, takenAt: "") }, run: run)
    }
}
