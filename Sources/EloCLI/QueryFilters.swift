import EloPipeline

/// The `--region` and `--label` filters of `elo search` and `elo gaps`, checked against the pipeline before the
/// index is read: an id the pipeline does not know is a bad argument (exit status 64) whose message lists the
/// valid ids, instead of an empty answer that looks like "nothing found".
struct QueryFilters {
    var regions: [String]
    var labels: [String]

    /// Throws a `CommandFailure` with exit status 64 naming the first unknown id and the valid ones.
    func check(against job: ReportJob, command: String) throws(CommandFailure) {
        let regionIDs = job.regions.map(\.id)
        if let unknown = regions.first(where: { !regionIDs.contains($0) }) {
            throw CommandFailure(
                "elo \(command): unknown --region '\(unknown)' — valid region ids (pipelines' regions/ folder): \(regionIDs.sorted().joined(separator: ", "))",
                exitCode: 64)
        }
        let sets = Set(job.labels.map(\.set))
        let known = sets.union(job.labels.map(\.id))
        if let unknown = labels.first(where: { !known.contains($0) }) {
            throw CommandFailure(
                "elo \(command): unknown --label '\(unknown)' — valid label sets: \(sets.sorted().joined(separator: ", ")); "
                    + "valid labels: \(job.labels.map(\.id).sorted().joined(separator: ", "))",
                exitCode: 64)
        }
    }
}
