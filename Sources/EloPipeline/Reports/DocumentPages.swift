import EloCore
import EloReports
import Foundation

/// The document pages of a report (`documents/<slug>.html`): every current document of the report's
/// regions with all its passages (not only the labelled ones coverage reads), in its region page's language.
struct DocumentPages: ReportFileRenderer {
    /// Every current document with all its passages, read on another thread while coverage is computed.
    typealias Documents = Prefetched<[(region: String, document: Document)]>

    var documents: Documents
    var links: EvidenceLinks

    /// Starts reading the documents of `indexFile` (each page needs the whole document, which coverage does not).
    static func read(_ indexFile: URL) -> Documents {
        Documents { try CoverageIndexReader(indexFile: indexFile).currentDocuments() }
    }

    func files(for report: CoverageReport, languages: ReportLanguages) throws -> [ReportBundle.File] {
        let regions = Dictionary(report.regions.map { ($0.region, $0) }, uniquingKeysWith: { first, _ in first })
        var renderers: [ReportLanguage: DocumentPageRenderer] = [:]
        for coverage in report.regions {
            let language = languages.language(of: coverage)
            if renderers[language] == nil {
                renderers[language] = DocumentPageRenderer(report: report, language: language, links: links)
            }
        }
        let pages = try documents.value().compactMap { region, document in
            regions[region].flatMap { renderers[languages.language(of: $0)] }.map { (region, document, $0) }
        }
        // A page is rendered from one document alone: the pages of a large inbox are rendered on every core.
        return pages.concurrentMap(threads: ProcessInfo.processInfo.activeProcessorCount) {
            region, document, renderer in
            ReportBundle.File(
                path: ReportLayout.documentPage(document.path),
                contents: Data(renderer.render(document, region: region).utf8))
        }
    }
}
