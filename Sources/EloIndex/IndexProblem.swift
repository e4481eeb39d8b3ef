import Foundation
import GRDB

/// Why elo will not use an index file, or could not: each names the file, what is wrong and what to do.
/// `elo ingest` stops with exit status 1 before it writes anything into such a file.
public struct IndexProblem: Error, CustomStringConvertible, Sendable {
    /// What kind of problem: stable identifiers for scripts and tests.
    public enum Kind: String, Sendable {
        case empty
        case notAnIndex = "not-an-index"
        case newer
        case damaged
        case locked
        case unusable
        /// No index file where one was expected.
        case missing
        /// The index has no such document (or version) as was asked for.
        case notFound = "not-found"
    }

    public var kind: Kind
    /// The index file (or backup destination) concerned; empty when the problem is not about one file.
    public var file: String
    /// What is wrong, for a person.
    public var problem: String
    /// What to do about it; empty when there is nothing to add.
    public var fix: String

    public var description: String {
        (file.isEmpty ? "" : "\(file): ") + problem + (fix.isEmpty ? "" : " — \(fix)")
    }

    /// A file of 0 bytes where an index should be.
    static func empty(_ file: URL) -> IndexProblem {
        IndexProblem(
            kind: .empty, file: file.path,
            problem:
                "the index file is empty (0 bytes); a restore or copy that failed half-way, or a full disk, leaves such a file, and elo will not start a new index over it on its own",
            fix:
                "restore a backup made with `elo backup`, or, to start over on purpose, move it away (mv \(file.path) \(file.path).empty) and run `elo ingest` again: it builds a new index from the inbox"
        )
    }

    /// A SQLite database (or any file) that elo did not write.
    static func notAnIndex(_ file: URL, _ detail: String) -> IndexProblem {
        IndexProblem(
            kind: .notAnIndex, file: file.path,
            problem: "this is not an elo index (\(detail)); elo leaves it untouched",
            fix:
                "check `output:` in the pipeline file or --output (the index is <output>/index.sqlite), or move this file away if it is in the wrong place"
        )
    }

    /// An index written by a later elo, whose schema this elo does not know.
    static func newer(_ file: URL, version: Int, unknownMigrations: [String]) -> IndexProblem {
        let names = unknownMigrations.isEmpty ? "" : " (migrations \(unknownMigrations.joined(separator: ", ")))"
        return IndexProblem(
            kind: .newer, file: file.path,
            problem:
                "the index was written by a newer elo: index schema version \(version)\(names), this elo knows up to version \(IndexIdentity.schemaVersion)",
            fix:
                "run the newer elo (check which `elo` cron runs, and `git log` of the deployed copy); elo does not downgrade an index"
        )
    }

    /// Failed integrity checks.
    public static func damaged(_ file: URL, findings: [String]) -> IndexProblem {
        let shown =
            findings.prefix(5).joined(separator: "; ") + (findings.count > 5 ? "; … \(findings.count - 5) more" : "")
        return IndexProblem(
            kind: .damaged, file: file.path, problem: "the index is damaged (\(shown)); nothing was written into it",
            fix:
                "run `elo check` for the full list; if only the search index (passages_fts) is damaged, `elo rebuild-search` repairs it; otherwise restore the last backup made with `elo backup`, or move the file away and run `elo ingest` to build a new index from the inbox"
        )
    }

    /// Another program held the index longer than elo waits.
    static func locked(_ file: URL) -> IndexProblem {
        IndexProblem(
            kind: .locked, file: file.path,
            problem: "the index is locked: another program has held it for longer than elo waits (10 s)",
            fix:
                "check for a program holding it open — a `sqlite3` shell with an open transaction, a spreadsheet or DB Browser, a backup tool copying it, another `elo` — close it and run again"
        )
    }

    /// Maps SQLite's busy, corrupt and not-a-database errors on `file` to what a person can act on; other
    /// errors are returned as they are.
    public static func explaining(_ error: any Error, file: URL) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return locked(file)
        case .SQLITE_CORRUPT: return damaged(file, findings: [error.message ?? "database disk image is malformed"])
        case .SQLITE_NOTADB: return notAnIndex(file, "not a SQLite database")
        default:
            return IndexProblem(
                kind: .unusable, file: file.path,
                problem: "SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error)")",
                fix: "check the disk (space, permissions, read-only mount) and run `elo check`")
        }
    }
}

extension IndexProblem {
    /// Something outside the index's own checks keeps elo from using `file` (no index there, a backup onto the
    /// index itself): `problem` says what, `fix` what to do.
    public static func unusable(_ file: String, problem: String, fix: String) -> IndexProblem {
        IndexProblem(kind: .unusable, file: file, problem: problem, fix: fix)
    }

    /// What was asked for is not in the index; `message` says what and what to give instead.
    static func notFound(_ message: String) -> IndexProblem {
        IndexProblem(kind: .notFound, file: "", problem: message, fix: "")
    }
}
