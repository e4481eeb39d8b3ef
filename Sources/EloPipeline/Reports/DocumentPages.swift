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
        for (region, document) in try CoverageIndexReader(indexFile: indexFile).currentDocuments() {
            guard let coverage = regions[region] else { continue }
            let renderer = DocumentPageRenderer(
                report: report, language: languages.language(of: coverage), links: links)
            files.append(
                ReportBundle.File(
                    path: ReportLayout.documentPage(document.path),
                    contents: Data(renderer.render(document, region: region).utf8)))
        }
        return files
    }
}
