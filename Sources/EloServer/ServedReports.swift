import EloPipeline
import Foundation
import Logging

/// The report set the server answers from, rendered in memory from the index and rendered again only when
/// the index's reported content (or the date printed on the pages) has changed since: each request costs
/// one small read of the index (the fingerprint), and a nightly ingest shows on the next request without a
/// restart. While the index cannot be read (an ingest holding it past the busy timeout, a file being
/// replaced), the last set rendered is served and the problem logged once.
actor ServedReports {
    let job: ReportJob
    /// The date printed on the pages (`generated`); today's UTC date unless tests fix it.
    let stamp: @Sendable () -> String?
    let logger: Logger
    private var rendered: ReportJob.RenderedReports?
    private var lastProblem: String?

    init(job: ReportJob, stamp: @escaping @Sendable () -> String? = ServedReports.today, logger: Logger) {
        self.job = job
        self.stamp = stamp
        self.logger = logger
    }

    /// Today's date, UTC, as `elo report` prints it.
    static let today: @Sendable () -> String? = { String(ISO8601DateFormatter().string(from: Date()).prefix(10)) }

    /// The current report set; throws only when the index could never be read.
    func current() throws(ServerFailure) -> ReportJob.RenderedReports {
        let generated = stamp()
        do {
            let fingerprint = try job.fingerprint(generated: generated)
            if let rendered, rendered.fingerprint == fingerprint { return rendered }
            let fresh = try job.render(generated: generated)
            rendered = fresh
            lastProblem = nil
            return fresh
        } catch {
            let problem = "\(error)"
            guard let rendered else { throw ServerFailure(problem) }
            if problem != lastProblem {
                logger.warning(
                    "elo serve: cannot read \(job.indexFile.path), serving the pages rendered before: \(problem)")
            }
            lastProblem = problem
            return rendered
        }
    }
}
