import Foundation

/// Writes JSON to standard output in the form every `--json` flag of elo uses: one line, keys sorted, so that
/// the same input gives the same bytes (scripts can diff two runs).
enum JSONOutput {
    static func write<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}

/// A problem with the machine's set-up (a missing system library), not with a document: exit status 1.
struct SetupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "elo: cannot start: \(message)" }
}
