import EloCore
import Foundation
import GRDB

/// Every read the reports, `search`, `show` and `gaps` make, on an index opened read-only (neither migrated
/// nor written: a backup on read-only media serves). Callers get domain values, never rows or SQL; a failure
/// is an `IndexProblem` naming the file, what is wrong and what to do.
public struct IndexReader: Sendable {
    let queue: DatabaseQueue
    /// The index file, for messages.
    public let file: URL

    /// Opens the index at `indexFile` read-only; a missing file is a person's mistake, said as such, and so is
    /// a file that is not an elo index.
    public init(indexFile: URL) throws(IndexProblem) {
        guard let opened = try IndexStore.openReadOnly(indexFile) else {
            throw IndexProblem(
                kind: .missing, file: "", problem: "no index at \(indexFile.path)",
                fix: "run `elo ingest --pipeline …` first, or check `output:` in the pipeline file")
        }
        queue = opened
        file = indexFile
    }

    /// Runs `body` in one read transaction; SQLite errors become `IndexProblem`s (`what` says what was read).
    func read<T>(_ what: String, _ body: (Database) throws -> T) throws(IndexProblem) -> T {
        do {
            return try queue.read(body)
        } catch let problem as IndexProblem {
            throw problem
        } catch {
            if let problem = IndexProblem.explaining(error, file: file) as? IndexProblem, problem.kind != .unusable {
                throw problem
            }
            throw IndexProblem(
                kind: .unusable, file: file.path,
                problem: "cannot read \(what) from the index (\(error.localizedDescription))",
                fix: "is it an index written by `elo ingest`? Run `elo ingest` to bring it up to date, or `elo check`")
        }
    }

    /// A fingerprint of everything reports are made from (documents, versions, files, labels, near-misses):
    /// equal fingerprints mean the reports would come out the same.
    public func reportedContentFingerprint() throws(IndexProblem) -> String {
        try read("the report fingerprint") { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT
                      (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' ||
                              COALESCE(group_concat(id || status || COALESCE(label_set_version, '') ||
                                                    COALESCE(superseded_at, ''), ','), '') FROM versions)
                      || '|' || (SELECT COUNT(*) || ':' || COALESCE(MAX(rowid), 0) FROM labels)
                      || '|' || (SELECT COUNT(*) || ':' || COALESCE(MAX(rowid), 0) FROM near_misses)
                      || '|' || (SELECT COUNT(*) || ':' || COALESCE(group_concat(COALESCE(removed_at, '') || version_id, ','), '') FROM files)
                      || '|' || (SELECT COALESCE(group_concat(id || region || '/' || COALESCE(round, '') || '/' ||
                                                              COALESCE(doc_type, '') || COALESCE(current_version_id, '') ||
                                                              COALESCE(withdrawn_at, ''), ','), '') FROM documents)
                    """) ?? ""
        }
    }
}
