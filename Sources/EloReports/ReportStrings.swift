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
        guard let text = table[key] else { return "⟦\(key)⟧" }
        return Self.fill(text, values)
    }

    /// `template` with each `{name}` of `values` replaced, in one pass (a value is never searched again);
    /// braces around other text stay as they are.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                let value = values[String(rest[afterOpen..<close])]
            else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `key.one` or `key.other` by `count`, with `{count}` and `values` filled in.
    public func counted(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        text(key + (count == 1 ? ".one" : ".other"), values.merging(["count": String(count)]) { first, _ in first })
    }

    /// As `text`, for HTML: the template is escaped, the values are inserted as they are (already HTML).
    func html(_ key: String, _ values: [String: String] = [:]) -> String {
        guard table[key] != nil else { return text(key) }
        return Self.fill(HTMLText.escape(table[key]!), values)
    }

    /// A score or other decimal with two decimals and the language's decimal comma (`0,82`).
    public func number(_ value: Double) -> String {
        String(HTMLText.score(value).map { $0 == "." ? "," : $0 })
    }

    public func level(_ level: CoverageLevel) -> String { text("level.\(level.rawValue)") }
    public func status(_ status: ExtractionStatus) -> String { text("status.\(status.rawValue)") }
    public func language(_ language: Language) -> String { text("language.\(language.rawValue)") }
}
