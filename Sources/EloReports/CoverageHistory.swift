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

    /// `current` with the changes since the previous run as a page made from it would show them, when `written`
    /// is the last report written: a region whose levels are still those of `written` keeps the changes
    /// `written` lists (nothing happened since), any other region gets the changes since `written`.
    public static func carryingChanges(to current: CoverageReport, from written: CoverageReport) -> CoverageReport {
        var report = addingChanges(to: current, since: written)
        let before = Dictionary(written.regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        for index in report.regions.indices {
            let region = report.regions[index]
            guard let old = before[region.region], levels(old) == levels(region) else { continue }
            report.regions[index].changes =
                old.changes.filter { $0.basis == .previousRun }
                + region.changes.filter { $0.basis != .previousRun }
        }
        return report
    }

    private static func levels(_ region: RegionCoverage) -> [String: CoverageLevel] {
        Dictionary(region.labels.map { ($0.label.id, $0.level) }, uniquingKeysWith: { first, _ in first })
    }
}
