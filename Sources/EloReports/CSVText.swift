import Foundation

/// How a CSV file is written for its readers.
public enum CSVDialect: String, Sendable, CaseIterable, Hashable {
    /// What Excel and LibreOffice in Finnish (and Swedish) open with a double click: `;` between fields,
    /// a UTF-8 byte-order mark, a decimal comma; the national matrix in words (`alue`, `Katettu`).
    case finnish = "fi"
    /// For scripts and tools (RFC 4180): `,` between fields, no byte-order mark, a decimal point; the
    /// national matrix in stable codes (`region`, `not-covered`).
    case rfc4180

    public var separator: Character { self == .finnish ? ";" : "," }
    public var byteOrderMark: Bool { self == .finnish }

    /// A decimal number as this dialect writes it: `0,82` or `0.82`.
    public func decimal(_ value: Double) -> String {
        let text = HTMLText.score(value)
        return self == .finnish ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// CSV as spreadsheets read it: RFC 4180 quoting and CRLF line ends, in a `CSVDialect`. Cells that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are prefixed with `'` so that document text
/// cannot become a formula.
public enum CSVText {
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// One field, quoted when it holds a quote, a line break, or a separator (`dialect`'s; without one, both
    /// `,` and `;`). A decimal comma in the Finnish dialect needs no quotes.
    public static func field(_ value: String, dialect: CSVDialect? = nil) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let separators: Set<Character> = dialect.map { [$0.separator] } ?? [",", ";"]
        let needsQuotes =
            text.contains { separators.contains($0) || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    public static func row(_ values: [String], dialect: CSVDialect = .finnish) -> String {
        values.map { field($0, dialect: dialect) }.joined(separator: String(dialect.separator)) + "\r\n"
    }

    /// The rows as a file: a byte-order mark when the dialect has one, then UTF-8 text.
    public static func file(_ rows: [[String]], dialect: CSVDialect = .finnish) -> Data {
        (dialect.byteOrderMark ? byteOrderMark : Data()) + Data(rows.map { row($0, dialect: dialect) }.joined().utf8)
    }
}
