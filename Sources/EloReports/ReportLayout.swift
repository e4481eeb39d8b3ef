import EloCore

/// Where each report file goes inside the output folder. Every path is relative, made of sanitised
/// parts only (`regions/<slug>.html`), so no region or document name can place a file elsewhere.
public struct ReportLayout: Sendable {
    public static let indexHTML = "index.html"
    public static let matrixCSV = "coverage.csv"
    public static let reportJSON = "coverage.json"
    public static let regionFolder = "regions"
    public static let documentFolder = "documents"
    public static let goalFolder = "goals"

    /// `documents/<slug>.html` for a document's path: the page with all its passages and labels.
    public static func documentPage(_ path: String) -> String {
        let slug = ReportFileName.slug(path)
        let unique =
            slug.count >= ReportFileName.maximumLength - 1
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
    private let goalSlugs: [String: String]

    /// `labels`: the label ids that get a goal page.
    public init(regions: [String], labels: [String] = []) {
        slugs = Dictionary(zip(regions, ReportFileName.uniqueSlugs(regions)), uniquingKeysWith: { first, _ in first })
        goalSlugs = Dictionary(zip(labels, Self.goalSlugs(labels)), uniquingKeysWith: { first, _ in first })
    }

    public init(_ report: CoverageReport) {
        self.init(regions: report.regions.map(\.region), labels: report.labels.map(\.id))
    }

    /// `regions/<slug>` without extension for a region id.
    public func regionBase(_ region: String) -> String {
        "\(Self.regionFolder)/\(slugs[region] ?? ReportFileName.slug(region))"
    }

    public func regionPage(_ region: String) -> String { regionBase(region) + ".html" }
    public func regionMarkdown(_ region: String) -> String { regionBase(region) + ".md" }
    public func regionJSON(_ region: String) -> String { regionBase(region) + ".json" }

    /// The page of one goal (label) in `language`: `goals/<slug>.html` for the first of `national` (as
    /// `index.html`), else `goals/<slug>-<code>.html` (`goals/okm2011-laatu-sv.html`).
    public func goalPage(_ label: String, language: ReportLanguage, national: [ReportLanguage]) -> String {
        let slug = goalSlugs[label] ?? ReportFileName.slug(label)
        return "\(Self.goalFolder)/\(slug)\(language == national.first ? "" : "-" + language.rawValue).html"
    }

    /// The goal page a page in `language` links to: in that language when the goal pages are written in it,
    /// else in the first of `national`; nil when `national` is empty (no goal pages are written).
    public func goalPage(_ label: String, linkedFrom language: ReportLanguage, national: [ReportLanguage]) -> String? {
        guard let first = national.first else { return nil }
        return goalPage(label, language: national.contains(language) ? language : first, national: national)
    }

    /// Slugs of label ids, unique even with a language code appended (`x.sv` never takes the Swedish page of `x`).
    static func goalSlugs(_ labels: [String]) -> [String] {
        var used: Set<String> = []
        return labels.map { label in
            let base = ReportFileName.slug(label)
            var candidate = base
            var counter = 2
            let taken = { (slug: String) in
                ([slug] + ReportLanguage.allCases.map { slug + "-" + $0.rawValue }).contains(where: used.contains)
            }
            while taken(candidate) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            for language in ReportLanguage.allCases { used.insert(candidate + "-" + language.rawValue) }
            return candidate
        }
    }
}
