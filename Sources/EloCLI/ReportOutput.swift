import EloReports
import Foundation

/// How the commands that read the index (`changes`, `search`, `show`) print their answer: with `--json` the
/// report files' JSON form (``ReportJSON``: indented, keys sorted), else the text made for people.
enum ReportOutput {
    static func write<Value: Encodable>(_ value: Value, json: Bool, text: (Value) -> String) throws {
        let data = json ? try ReportJSON.encode(value) : Data(text(value).utf8)
        FileHandle.standardOutput.write(data)
    }
}
