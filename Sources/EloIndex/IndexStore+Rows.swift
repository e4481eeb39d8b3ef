import GRDB

extension IndexStore {
    /// The rows of one read-only query, read in one transaction and copied out of it.
    func fetchRows(_ sql: String) throws -> [Row] {
        try queue.read { db in try Row.fetchAll(db, sql: sql) }
    }
}
