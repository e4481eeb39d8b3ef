import Foundation

/// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and UTF-8 with a byte-order mark so
/// Excel shows å/ä/ö. Cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are
/// prefixed with `'` so that document text cannot become a formula.
public enum CSVText {
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    public static func row(_ values: [String]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }

    /// The rows as a file: BOM, then UTF-8 text.
    public static func file(_ rows: [[String]]) -> Data {
        byteOrderMark + Data(rows.map(row).joined().utf8)
    }
}
