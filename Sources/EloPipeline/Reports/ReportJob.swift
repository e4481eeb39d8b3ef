import EloClassification
import EloCore
import EloReports
import EloSettings
import EloSpreadsheet
import Foundation

/// What `elo report` and `elo gaps` do, in order: load the pipeline file (labels, thresholds, regions,
/// output folder), read the regions' current documents from the index, compute coverage, and (for
/// `report`) write the report folder `<output>/reports`.
public struct ReportJob: Sendable {
    public var pipeline: String
    public var title: String
    public var labels: [CoverageLabel]
    public var settings: CoverageSettings
    public var regions: [(id: String, name: String)]
    /// Languages the region files give (`language: sv`), by region id.
    public var regionLanguages: [String: Language] = [:]
    /// The languages the pages are written in (`elo report --lang`; both national pages by default).
    public var languages: ReportLanguages = .automatic
    /// The dialect of `coverage.csv` (`elo report --csv-dialect`).
    public var csv: CSVDialect = .finnish
    /// The inbox the documents were read from (`inbox:` of the pipeline file): the pages link to its files.
    public var inbox: URL?
    public var indexFile: URL
    public var reportFolder: URL
    /// The ingest run whose reports these are: writing them also keeps the run's coverage snapshot in the index.
    /// `nil` for `elo report`, which is no run and opens the index read-only.
    public var snapshotRun: Int64?

    /// The report folder inside the output folder.
    public static let folderName = "reports"

    /// Loads everything from the pipeline file; `output` replaces the file's `output:` folder.
    public static func load(pipeline url: URL, output: URL? = nil) throws(PipelineFailure) -> ReportJob {
        let file: PipelineFile
        do { file = try PipelineFile.read(url) } catch { throw PipelineFailure(error.description) }
        return try load(file, output: output)
    }

    /// The reports' part of a pipeline file already read; `output` replaces the file's `output:` folder.
    /// `labelSets`: the file's label sets when the caller has read them already (an ingest), else they are read.
    public static func load(_ file: PipelineFile, output: URL? = nil, labelSets: [LabelSet]? = nil)
        throws(PipelineFailure) -> ReportJob
    {
        let outputFolder: URL
        do { outputFolder = try file.outputFolder(given: output) } catch { throw PipelineFailure(error.description) }
        let coverage = CoverageSettings(file)
        let catalog: RegionCatalog
        do { catalog = try RegionCatalog.load(folder: file.regionsFolder) } catch {
            throw PipelineFailure(error.description)
        }
        let labels: [CoverageLabel]
        if let labelSets {
            labels = CoverageLabelCatalog.catalog(of: labelSets, pipeline: file)
        } else {
            labels = try CoverageLabelCatalog.load(file)
        }
        let name = ((file.file as NSString).lastPathComponent as NSString).deletingPathExtension
        var job = ReportJob(
            pipeline: name, title: coverage.title ?? name, labels: labels, settings: coverage,
            regions: catalog.regions.map { region in
                (
                    region.id,
                    region.nameFinnish == region.nameSwedish
                        ? region.nameFinnish : "\(region.nameFinnish) / \(region.nameSwedish)"
                )
            },
            indexFile: outputFolder.appendingPathComponent(IngestRun.indexFileName),
            reportFolder: outputFolder.appendingPathComponent(folderName))
        job.inbox = file.inbox
        job.regionLanguages = Dictionary(
            catalog.regions.compactMap { region in region.language.map { (region.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        return job
    }

    /// The regions' documents from the index, each with its language from the region file.
    func regionDocuments(_ reader: CoverageIndexReader) throws -> [RegionDocuments] {
        try reader.regions(catalog: regions).map { documents in
            var documents = documents
            documents.language = regionLanguages[documents.region]
            return documents
        }
    }

    func generator(generated: String?) -> ReportGenerator {
        var generator = ReportGenerator(
            pipeline: pipeline, title: title, labels: labels, thresholds: settings.thresholds, generated: generated)
        generator.csv = csv
        generator.links = EvidenceLinks(
            documentPages: true, sources: inbox.map { EvidenceLinks.relativePath(from: reportFolder, to: $0) },
            spreadsheet: true)
        generator.extraRenderers = [SpreadsheetRenderer()]
        return generator
    }

    /// Coverage as the index has it now, compared with the last written report (nothing is written).
    public func coverage() throws -> CoverageReport {
        let documents = try regionDocuments(try CoverageIndexReader(indexFile: indexFile))
        let generator = generator(generated: nil)
        return generator.report(documents, previous: generator.previousReport(in: reportFolder))
    }

    /// Writes the report folder and returns the report; `generated` is printed on the pages (e.g. a date).
    @discardableResult
    public func write(generated: String?) throws -> CoverageReport {
        let pageDocuments = DocumentPages.read(indexFile)
        let reader = try CoverageIndexReader(indexFile: indexFile)
        let documents = try regionDocuments(reader)
        var generator = generator(generated: generated)
        generator.extraRenderers.append(DocumentPages(documents: pageDocuments, links: generator.links))
        let report = generator.report(documents, previous: generator.previousReport(in: reportFolder))
        if let snapshotRun { try recordSnapshot(of: report, run: snapshotRun) }
        generator.timeline = try timeline(reader, regions: documents)
        try generator.write(report, to: reportFolder, languages: languages)
        if let state = try? ReportState.fingerprint(of: self, generated: generated) {
            try? ReportState.store(state, in: reportFolder)
        }
        return report
    }

    /// Writes the report folder unless the reports there were made from the same index content, settings
    /// and `generated` stamp (what a nightly run that changed nothing finds). Returns whether it wrote.
    @discardableResult
    public func writeIfChanged(generated: String?) throws -> Bool {
        let state = try? ReportState.fingerprint(of: self, generated: generated)
        let reportExists = FileManager.default.fileExists(
            atPath: reportFolder.appendingPathComponent(ReportLayout.reportJSON).path)
        if let state, reportExists, ReportState.stored(in: reportFolder) == state { return false }
        try write(generated: generated)
        return true
    }
}
