import EloCore
import EloPipeline
import EloReports
import Foundation
import Hummingbird

/// The search page: reads `q`, `region`, `set`, `label` and `lang` from the query, checks the filters against
/// the report (an unknown id says so, with status 400, instead of an empty answer that reads as "nothing
/// found"), and runs the search as `elo search` does (same ranking), on the index opened read-only.
struct PassageSearcher: Sendable {
    let indexFile: URL
    /// The page's language when the query gives none (`elo serve --lang`, else Finnish).
    let language: ReportLanguage
    /// The national pages, for the link back (`index.html`, `index-sv.html`).
    let national: [ReportLanguage]
    /// At most this many hits, best first.
    var limit = 50

    /// The page for the query's (percent-decoded) parameters; the first of a repeated name counts.
    func page(for query: [String: String], report: CoverageReport) -> (status: HTTPResponse.Status, html: String) {
        func value(_ name: String) -> String? {
            query[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let language = value("lang").flatMap(ReportLanguage.init(rawValue:)) ?? self.language
        var page = SearchPage(
            query: value("q") ?? "", region: value("region"), set: value("set"), label: value("label"), limit: limit)
        let index = ReportLayout.indexHTML(
            for: national.contains(language) ? language : national[0], national: national)
        let renderer = SearchPageRenderer(report: report, language: language, indexLink: index)
        if let problem = problem(with: page, report: report) {
            page.problem = problem
            return (.badRequest, renderer.render(page))
        }
        guard !page.query.isEmpty else { return (.ok, renderer.render(page)) }
        do {
            page.hits = try run(page)
        } catch {
            page.problem = error.description
            return (.badRequest, renderer.render(page))
        }
        return (.ok, renderer.render(page))
    }

    /// The parameters of a query string as a form sends them (`q=matala+kynnys&region=lappi`): `+` is a space,
    /// `%XX` a byte of UTF-8; the first of a repeated name counts, a part that cannot be decoded is left out.
    static func parameters(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decoded(parts[0]), let value = parts.count > 1 ? decoded(parts[1]) : "" else { continue }
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// An unknown region, set or label, said with the valid ids.
    private func problem(with page: SearchPage, report: CoverageReport) -> String? {
        if let region = page.region, !report.regions.contains(where: { $0.region == region }) {
            return "unknown region '\(region)' — valid: \(report.regions.map(\.region).joined(separator: ", "))"
        }
        if let set = page.set, !report.sets.contains(set) {
            return "unknown label set '\(set)' — valid: \(report.sets.joined(separator: ", "))"
        }
        if let label = page.label, !report.labels.contains(where: { $0.id == label }) {
            return "unknown label '\(label)' — choose one from the list"
        }
        return nil
    }

    /// The hits of `page`'s words and filters: a label narrows more than its set, so it wins when both are given.
    private func run(_ page: SearchPage) throws(PipelineFailure) -> [SearchPage.Hit] {
        let labels = page.label.map { [$0] } ?? page.set.map { [$0] } ?? []
        return try ReportSearch(indexFile: indexFile).run(page.query, region: page.region, labels: labels, limit: limit)
            .map { hit in
                SearchPage.Hit(
                    region: hit.region, document: hit.document, page: hit.page, passage: hit.passage, text: hit.text,
                    highlights: hit.highlights, labels: hit.labels, headingOnly: hit.headingOnly)
            }
    }
}
