import EloCore

/// Compares a report with the one the previous run wrote, so each region lists what became covered and
/// what was lost since then.
public enum CoverageHistory {
    /// `current` with `previousRun` changes added to every region that the previous report also had.
    /// Changes since the previous version, already on the regions, are kept.
    public static func addingChanges(to current: CoverageReport, since previous: CoverageReport) -> CoverageReport {
        var report = current
        let before = Dictionary(previous.regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        for index in report.regions.indices {
            guard let old = before[report.regions[index].region] else { continue }
            let region = report.regions[index]
            let changes = CoverageChange.between(previous: old.labels, current: region.labels, basis: .previousRun)
            report.regions[index].changes = changes + region.changes.filter { $0.basis != .previousRun }
        }
        return report
    }
}
