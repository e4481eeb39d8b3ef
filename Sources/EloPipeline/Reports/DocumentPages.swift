import EloCore
import EloReports
import Foundation

/// The document pages of a report (`documents/<slug>.html`): every current document of the report's
/// regions with all its passages (not only the labelled ones coverage reads), in its region page's language.
struct DocumentPages: ReportFileRenderer {
    var indexFile: URL
    var links: EvidenceLinks

    func files(for report: CoverageReport, languages: ReportLanguages) throws -> [ReportBundle.File] {
        let regions = Dictionary(report.regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [ReportBundle.File] = []
        var renderers: [ReportLanguage: DocumentPageRenderer] = [:]
        for (region, document) in try CoverageIndexReader(indexFile: indexFile).currentDocuments() {
            guard let coverage = regions[region] else { continue }
            let language = languages.language(of: coverage)
            let renderer = renderers[language] ?? DocumentPageRenderer(report: report, language: language, links: links)
            renderers[language] = renderer
            files.append(
                ReportBundle.File(
                    path: ReportLayout.documentPage(document.path),
                    contents: Data(renderer.render(document, region: region).utf8)))
        }
        return files
    }
}
