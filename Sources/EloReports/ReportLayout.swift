import EloCore

/// Where each report file goes inside the output folder. Every path is relative, made of sanitised
/// parts only (`regions/<slug>.html`), so no region or document name can place a file elsewhere.
public struct ReportLayout: Sendable {
    public static let indexHTML = "index.html"
    public static let matrixCSV = "coverage.csv"
    public static let reportJSON = "coverage.json"
    public static let regionFolder = "regions"
    public static let documentFolder = "documents"

    /// `documents/<slug>.html` for a document's path: the page with all its passages and labels.
    public static func documentPage(_ path: String) -> String {
        let slug = ReportFileName.slug(path)
        let unique = slug.count >= ReportFileName.maximumLength - 1
            ? String(slug.prefix(ReportFileName.maximumLength - 10)) + "-" + ReportFileName.stableHash(path) : slug
        return "\(documentFolder)/\(unique).html"
    }

    /// The matrix workbook in `language`: `coverage.xlsx` for the first of `national`, else `coverage-<code>.xlsx`.
    public static func spreadsheet(for language: ReportLanguage, national: [ReportLanguage]) -> String {
        language == national.first ? "coverage.xlsx" : "coverage-\(language.rawValue).xlsx"
    }

    /// The national page in `language`: `index.html` for the first of `national`, else `index-<code>.html`.
    public static func indexHTML(for language: ReportLanguage, national: [ReportLanguage]) -> String {
        language == national.first ? indexHTML : "index-\(language.rawValue).html"
    }

    /// The national changes page in `language`: `changes.html` for the first of `national`, else `changes-<code>.html`.
    public static func changesHTML(for language: ReportLanguage, national: [ReportLanguage]) -> String {
        language == national.first ? "changes.html" : "changes-\(language.rawValue).html"
    }

    private let slugs: [String: String]

    public init(regions: [String]) {
        slugs = Dictionary(zip(regions, ReportFileName.uniqueSlugs(regions)), uniquingKeysWith: { first, _ in first })
    }

    public init(_ report: CoverageReport) { self.init(regions: report.regions.map(\.region)) }

    /// `regions/<slug>` without extension for a region id.
    public func regionBase(_ region: String) -> String {
        "\(Self.regionFolder)/\(slugs[region] ?? ReportFileName.slug(region))"
    }

    public func regionPage(_ region: String) -> String { regionBase(region) + ".html" }
    public func regionMarkdown(_ region: String) -> String { regionBase(region) + ".md" }
    public func regionJSON(_ region: String) -> String { regionBase(region) + ".json" }
}
