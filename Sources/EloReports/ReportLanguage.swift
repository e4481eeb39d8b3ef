import EloCore

/// A language the reports are written in. Every word of a page comes from that language's strings file
/// (`ReportStrings`); goal names from the label files' `name_fi` / `name_sv`.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    case finnish = "fi"
    case swedish = "sv"

    /// The report language for a document or region language: Swedish for Swedish, else Finnish.
    public init(_ language: Language) {
        self = language == .swedish ? .swedish : .finnish
    }
}

/// Which languages a report folder is written in: the national pages (`index.html` in the first,
/// `index-<code>.html` in the others) and the region pages (one language each).
public struct ReportLanguages: Sendable, Hashable {
    /// The national pages' languages; the first is `index.html`.
    public var national: [ReportLanguage]
    /// Every region page in this language; `nil`: each region in its own (`RegionCoverage.pageLanguage`).
    public var regions: ReportLanguage?

    public init(national: [ReportLanguage], regions: ReportLanguage?) {
        self.national = national.isEmpty ? [.finnish] : national
        self.regions = regions
    }

    /// National pages in Finnish and Swedish, each region in its own language (`elo report` without `--lang`).
    public static let automatic = ReportLanguages(national: [.finnish, .swedish], regions: nil)

    /// Every page in one language (`elo report --lang fi|sv`).
    public static func only(_ language: ReportLanguage) -> ReportLanguages {
        ReportLanguages(national: [language], regions: language)
    }

    /// The language of `region`'s page.
    public func language(of region: RegionCoverage) -> ReportLanguage {
        regions ?? ReportLanguage(region.pageLanguage)
    }
}
