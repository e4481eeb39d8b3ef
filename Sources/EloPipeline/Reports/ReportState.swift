import EloCore
import EloExtraction
import EloIndex
import Foundation

/// What the written reports were made from: a fingerprint of the index's reported content (documents,
/// versions, files, labels, near-misses) and of the report settings. A nightly run that changed nothing
/// finds the same fingerprint beside the reports and leaves them as they are, instead of reading every
/// label again.
struct ReportState {
    /// Hidden file in the report folder holding the fingerprint of the last written reports.
    static let fileName = ".report-state"

    /// The fingerprint for `job`'s reports, stamped `generated` (a new day writes new pages).
    static func fingerprint(of job: ReportJob, generated: String?) throws -> String {
        let index = try IndexReader(indexFile: job.indexFile).reportedContentFingerprint()
        let languages: String = job.regionLanguages.keys.sorted().map { "\($0)=\(job.regionLanguages[$0]!.rawValue)" }
            .joined(separator: ";")
        let settings: String = [
            job.pipeline, job.title, generated ?? "", "\(job.settings.thresholds)",
            job.labels.map { "\($0)" }.joined(separator: ";"),
            job.regions.map { "\($0.id)=\($0.name)" }.joined(separator: ";"),
            "\(job.languages)", languages, job.csv.rawValue, job.inbox?.standardizedFileURL.path ?? "",
        ].joined(separator: "\n")
        return ContentDigest.sha256(of: Data((index + "\n" + settings).utf8))
    }

    static func stored(in folder: URL) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8)
    }

    static func store(_ fingerprint: String, in folder: URL) throws {
        try fingerprint.write(to: folder.appendingPathComponent(fileName), atomically: true, encoding: .utf8)
    }
}
