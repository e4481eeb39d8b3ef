import EloCore

/// The words of the reports in one language, read from `Resources/strings-<code>.txt` (compiled into the
/// module): one `key = text` a line, `{name}` replaced by a value, `key.one` / `key.other` chosen by a count.
/// A key missing from the file shows as `⟦key⟧`, which tests look for.
public struct ReportStrings: Sendable {
    public let language: ReportLanguage
    private let table: [String: String]

    public static let finnish = ReportStrings(
        language: .finnish, text: String(decoding: PackageResources.strings_fi_txt, as: UTF8.self))
    public static let swedish = ReportStrings(
        language: .swedish, text: String(decoding: PackageResources.strings_sv_txt, as: UTF8.self))

    public static func of(_ language: ReportLanguage) -> ReportStrings {
        language == .swedish ? swedish : finnish
    }

    init(language: ReportLanguage, text: String) {
        self.language = language
        var table: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            table[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        self.table = table
    }

    /// Every key of the file (for tests).
    var keys: Set<String> { Set(table.keys) }

    /// The text of `key` with each `{name}` replaced by its value (values are inserted as given).
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard var text = table[key] else { return "⟦\(key)⟧" }
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// `key.one` or `key.other` by `count`, with `{count}` and `values` filled in.
    public func counted(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        text(key + (count == 1 ? ".one" : ".other"), values.merging(["count": String(count)]) { first, _ in first })
    }

    /// As `text`, for HTML: the template is escaped, the values are inserted as they are (already HTML).
    func html(_ key: String, _ values: [String: String] = [:]) -> String {
        guard table[key] != nil else { return text(key) }
        var html = HTMLText.escape(table[key]!)
        for (name, value) in values { html = html.replacingOccurrences(of: "{\(name)}", with: value) }
        return html
    }

    /// A score or other decimal with two decimals and the language's decimal comma (`0,82`).
    public func number(_ value: Double) -> String {
        HTMLText.score(value).replacingOccurrences(of: ".", with: ",")
    }

    public func level(_ level: CoverageLevel) -> String { text("level.\(level.rawValue)") }
    public func status(_ status: ExtractionStatus) -> String { text("status.\(status.rawValue)") }
    public func language(_ language: Language) -> String { text("language.\(language.rawValue)") }
}
