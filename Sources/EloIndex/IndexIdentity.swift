import Foundation
import GRDB

/// How an elo index knows itself: SQLite's `application_id` holds a fixed elo number and `user_version` the
/// schema version (the number of migrations applied). Checked before elo writes a byte, so that an unrelated
/// database, an index from a newer elo, or an empty file left by a failed restore is never adopted.
public enum IndexIdentity {
    /// `PRAGMA application_id` of every elo index: "ELOI" in ASCII.
    public static let applicationID: Int32 = 0x454C_4F49

    /// The schema version this elo writes: one per named migration of `IndexSchema`.
    public static var schemaVersion: Int { IndexSchema.migrator.migrations.count }

    /// What an existing file is, as far as elo is concerned.
    enum Verdict: Equatable {
        /// No file yet, or a database without tables: elo may create its index there.
        case fresh
        /// An elo index (perhaps of an older schema, which migrating brings up to date).
        case index
    }

    /// Checks `file` without writing to it: refuses an empty file, a file that is not an elo index, and an
    /// index of a newer schema.
    static func check(_ file: URL) throws(IndexProblem) -> Verdict {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return .fresh }
        guard info.st_size > 0 else { throw .empty(file) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: file.path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try verdict(db, file: file) }
        } catch let problem as IndexProblem {
            throw problem
        } catch {
            guard let explained = IndexProblem.explaining(error, file: file) as? IndexProblem else {
                throw IndexProblem.notAnIndex(file, "SQLite cannot open it: \(error)")
            }
            throw explained
        }
    }

    /// The verdict on an open database (read only).
    static func verdict(_ db: Database, file: URL) throws -> Verdict {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        let known = Set(IndexSchema.migrator.migrations)
        var applied: [String] = []
        if tables.contains("grdb_migrations") {
            applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        switch application {
        case applicationID:
            break
        case 0 where tables.isEmpty:
            return .fresh
        case 0 where applied.contains(IndexSchema.firstMigration):
            // An index of an elo from before the application id: adopted, and stamped by the migration.
            break
        case 0:
            throw IndexProblem.notAnIndex(
                file,
                "a SQLite database with tables \(tables.prefix(6).joined(separator: ", ")) and no elo application id")
        default:
            throw IndexProblem.notAnIndex(
                file, "a SQLite database of another program (application_id \(String(format: "0x%08X", application)))")
        }
        let unknown = applied.filter { !known.contains($0) }
        if version > schemaVersion || !unknown.isEmpty {
            throw IndexProblem.newer(file, version: max(version, applied.count), unknownMigrations: unknown)
        }
        return .index
    }

    /// Stamps the application id and the schema version (after migrating).
    static func stamp(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
    }
}
