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
