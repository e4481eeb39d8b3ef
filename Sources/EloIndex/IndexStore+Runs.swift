import GRDB

extension IndexStore {
    /// Changes a finished run's outcome (`reports-failed` when its reports could not be written after it).
    public func setRunOutcome(_ run: Int64, outcome: String) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET outcome = ? WHERE id = ?", arguments: [outcome, run])
        }
    }
}
