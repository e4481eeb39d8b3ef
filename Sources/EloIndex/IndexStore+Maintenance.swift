import EloCore
import Foundation
import GRDB

extension IndexStore {
    /// One writing connection in WAL mode (readers never wait for the writer), waiting up to 10 s for a lock.
    static func openForWriting(_ url: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        return queue
    }

    /// The quick health check at the start of an ingest, before anything (not even the journal mode) is written.
    /// SQLite's check and the search index's run at once, each on a connection of its own (the search index's
    /// takes most of the time); the search index's findings count only when SQLite finds the file sound, as in
    /// ``IndexHealth/findings(_:depth:)``.
    static func requireHealthy(_ url: URL) throws {
        let searchIndex = Prefetched { try checking(url) { try IndexHealth.searchIndex($0) } }
        var findings = try checking(url) { try IndexHealth.database($0, depth: .quick) }
        if findings.isEmpty { findings = try searchIndex.value() } else { _ = try? searchIndex.value() }
        guard findings.isEmpty else { throw IndexProblem.damaged(url, findings: findings) }
    }

    /// `check` on a connection of its own to `url`, closed after.
    private static func checking(_ url: URL, _ check: (Database) throws -> [String]) throws -> [String] {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.inDatabase(check)
    }

    /// Opens an existing elo index read-only (nothing is written, not even a migration), for the commands that
    /// only read; also a backup on read-only media. A missing file is a `nil`.
    public static func openReadOnly(_ url: URL) throws(IndexProblem) -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard try IndexIdentity.check(url) == .index else {
            throw IndexProblem.notAnIndex(url, "a SQLite database without tables")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do { return try DatabaseQueue(path: url.path, configuration: configuration) } catch {
            throw (IndexProblem.explaining(error, file: url) as? IndexProblem)
                ?? IndexProblem(
                    kind: .unusable, file: url.path, problem: "\(error)", fix: "check the file's permissions")
        }
    }

    /// The full check of `elo check`: `integrity_check` and the search index, on an existing elo index, which
    /// is neither migrated nor changed. Returns the findings; empty when healthy.
    public static func check(_ url: URL) throws(IndexProblem) -> [String] {
        guard try IndexIdentity.check(url) == .index else {
            throw IndexProblem(
                kind: .unusable, file: url.path, problem: "there is no index to check here",
                fix: "check `output:` in the pipeline file or --output, or run `elo ingest` first")
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.readonly = access(url.path, W_OK) != 0
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            defer { try? queue.close() }
            return try IndexHealth.findings(queue, depth: .full)
        } catch {
            throw (IndexProblem.explaining(error, file: url) as? IndexProblem)
                ?? IndexProblem(
                    kind: .unusable, file: url.path, problem: "\(error)", fix: "check the file's permissions")
        }
    }

    /// Rebuilds the full-text index from the passages (`elo rebuild-search`); the rest stays as it is.
    public func rebuildSearch() throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES('rebuild')")
        }
    }

    /// Copies the index to `destination` with SQLite's online backup API: a consistent snapshot even while a run
    /// writes (it reads in one transaction). The copy is one self-contained file (rollback journal, not WAL), so
    /// that it can be read where nothing can be written (read-only media); it replaces `destination` only once
    /// complete and checked.
    public static func backup(_ url: URL, to destination: URL) throws(IndexProblem) {
        guard let source = try openReadOnly(url) else {
            throw IndexProblem(
                kind: .unusable, file: url.path, problem: "there is no index to back up here",
                fix: "check `output:` in the pipeline file or --output, or run `elo ingest` first")
        }
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(getpid())")
        do {
            defer { try? FileManager.default.removeItem(at: partial) }
            try? FileManager.default.removeItem(at: partial)
            let copy = try DatabaseQueue(path: partial.path)
            try source.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let findings = try IndexHealth.findings(copy, depth: .quick)
            try copy.close()
            try source.close()
            guard findings.isEmpty else { throw IndexProblem.damaged(url, findings: findings) }
            guard rename(partial.path, destination.path) == 0 else {
                throw IndexProblem(
                    kind: .unusable, file: destination.path,
                    problem: "cannot put the backup in place: \(String(cString: strerror(errno)))",
                    fix: "check that the folder exists and is writable")
            }
        } catch let problem as IndexProblem {
            throw problem
        } catch {
            throw IndexProblem(
                kind: .unusable, file: destination.path, problem: "the backup failed: \(error)",
                fix: "check that the folder exists, is writable and has space for a copy of the index")
        }
    }
}
