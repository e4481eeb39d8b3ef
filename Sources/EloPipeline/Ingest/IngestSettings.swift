import EloClassification
import EloExtraction
import EloSettings
import Foundation

/// What `elo ingest` takes from a pipeline file (read and checked by `PipelineFile`, which owns the keys):
/// inbox, output, regions, workers, limits, passwords, OCR and its budgets, the run's time, and whether it classifies — with the defaults
/// for what the file leaves out. Paths are resolved relative to the pipeline file.
public struct IngestSettings: Sendable {
    public var pipelineFile: URL
    public var inbox: URL
    public var output: URL
    public var regions: URL
    public var workers: Int
    public var limits: WorkerLimits
    /// Passwords by inbox-relative path or by file name.
    public var passwords: [String: String]
    /// OCR of scanned documents (Tesseract); off unless the pipeline file turns it on.
    public var ocr = OCRSettings(mode: .off)
    /// Pages OCR recognises per document in one run (`ocr_max_pages:`); the rest continue next run.
    public var ocrMaxPages = 50
    /// Wall-clock seconds OCR spends per document in one run (`ocr_seconds:`, formerly `ocr.document_timeout_seconds`).
    public var ocrSeconds = 300.0
    /// Minutes after the start after which a run starts no new document (`max_run_minutes:`); 0: none at all.
    public var maxRunMinutes = 120.0
    /// The most of a region's, or of the whole index's, current documents one run may withdraw (`withdraw_limit:`).
    public var withdrawLimit = 0.5
    /// Run summaries kept in `<output>/runs/` (`keep_runs:`); older ones are deleted after each run.
    public var keepRuns = 400
    /// `--allow-withdraw`: withdraw whatever is gone from the inbox, however much, and read an empty inbox.
    public var allowWithdraw = false
    /// Files to read again whatever the index remembers (`--retry FILE`), as given: inbox-relative, or a path.
    public var retry: [String] = []
    /// Read again every file whose reading failed (`--retry-failed`).
    public var retryFailed = false
    /// Whether the file names label sets (then ingest classifies; without them passages stay unlabelled).
    public var classifies = false

    /// A configuration error that names the file and line and says what to do (pipeline and region files).
    public typealias LoadError = ConfigurationError

    /// Reads the pipeline file; flags given on the command line replace `inbox` and `output`.
    public static func load(_ url: URL, inbox: URL? = nil, output: URL? = nil) throws(ConfigurationError)
        -> IngestSettings
    {
        try IngestSettings(try PipelineFile.read(url), inbox: inbox, output: output)
    }

    /// The ingest part of a pipeline file already read; `inbox` and `output` (from flags) replace the file's.
    public init(_ pipeline: PipelineFile, inbox: URL? = nil, output: URL? = nil) throws(ConfigurationError) {
        let file = pipeline.file
        guard let inbox = inbox ?? pipeline.inbox else {
            throw ConfigurationError(
                file: file, line: nil, message: "no `inbox:` folder given — add `inbox: <folder>` or pass --inbox")
        }
        pipelineFile = URL(fileURLWithPath: file)
        self.inbox = inbox.standardizedFileURL
        self.output = try pipeline.outputFolder(given: output)
        regions = pipeline.regionsFolder
        workers = pipeline.workers ?? ProcessInfo.processInfo.activeProcessorCount
        limits = WorkerLimits(pipeline.limits)
        passwords = pipeline.passwords
        if let given = pipeline.ocr {
            var settings = OCRSettings(mode: OCRSettings.Mode(rawValue: given.mode) ?? .auto)
            if let languages = given.languages { settings.languages = languages }
            if let seconds = given.pageTimeoutSeconds { settings.pageTimeout = seconds }
            if let seconds = given.documentTimeoutSeconds { settings.documentTimeout = seconds }
            ocr = settings
        }
        if let pages = pipeline.ocrMaxPages { ocrMaxPages = pages }
        if let seconds = pipeline.ocrSeconds ?? pipeline.ocr?.documentTimeoutSeconds { ocrSeconds = seconds }
        if let minutes = pipeline.maxRunMinutes { maxRunMinutes = minutes }
        if let limit = pipeline.withdrawLimit { withdrawLimit = limit }
        if let keep = pipeline.keepRuns { keepRuns = keep }
        classifies = pipeline.labelSets != nil
    }

    /// The password for an inbox file: by its inbox path first, then by its file name.
    public func password(for relativePath: String) -> String? {
        passwords[relativePath] ?? passwords[(relativePath as NSString).lastPathComponent]
    }
}
