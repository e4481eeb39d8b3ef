import EloCore
import Foundation
import Yams

/// A pipeline file (`pipelines/elo-2014.yaml`), read once. This is the one place that knows the file's keys:
/// it rejects unknown and repeated keys and checks every value, each mistake named by file and line with
/// what to do. Every stage takes its typed settings from the result — the classifier
/// (`PipelineConfiguration(file)`), the nightly ingest (`IngestSettings(file)`), the reports
/// (`CoverageSettings(file)`) — and none reads the YAML itself.
///
/// ```yaml
/// name: elo-2014                  # the pipeline's name (default: the file name)
/// title: ELO 2014 — …             # heading of the reports (default: name)
/// label_sets: [labels/okm2011.yaml]   # label-set files the classifier applies (ingest classifies only with them)
/// lexicon: labels/lexicon.yaml    # word forms the morphology misses
/// threshold: 0.5                  # a label is given from this score (0–1)
/// inbox: ../corpus/inbox          # where regions' documents are dropped (ingest; --inbox overrides)
/// output: ../out                  # index.sqlite, run summaries, reports, lock file (--output overrides)
/// regions: regions                # folder of <region-id>.yaml (default: regions/ beside this file)
/// workers: 4                      # documents read in parallel (default: number of cores)
/// limits: {timeout_seconds: 120, cpu_seconds: 120, memory_mb: 2048, documents_per_worker: 200,
///          max_text_mb: 10, max_passages: 10000}
/// passwords: {lappi/plan.pdf: s3cret}   # by inbox path or by file name
/// withdraw_limit: 50%             # a run withdrawing more of a region's documents stops (0.5 or 50%; default 50%)
/// keep_runs: 400                  # run summaries (output/runs/*.json) kept; older ones are deleted (default 400)
/// ocr: auto                       # off (default), auto, force, or {mode, languages, page_timeout_seconds, document_timeout_seconds}
/// ocr_max_pages: 50               # pages OCR recognises per document and run; the rest continue next run (default 50)
/// ocr_seconds: 300                # wall-clock seconds of OCR per document and run (default 300)
/// max_run_minutes: 120            # after this no new document starts; the run commits and reports (default 120; 0: none)
/// coverage: {covered: {passages: 1, score: 0.6}, weak: {passages: 1, score: 0.5}, near_miss_score: 0.25,
///            evidence_limit: 3, near_miss_limit: 3}
/// topic: {min_per_1000_words: 2, fi: [ohjaus], sv: [vägledning]}   # documents not about guidance get no labels
/// model: {file: models/elo-2014.json, threshold: 0.3, keep_rule_labels: 0.1, training: [...]}   # the learned layer
/// ```
/// Paths are relative to the pipeline file's folder.
public struct PipelineFile: Sendable {
    /// Every top-level key, with the stage that uses it.
    public static let keys: [(key: String, stage: String)] = [
        ("name", "classification, reports"), ("title", "reports"), ("label_sets", "classification, reports"),
        ("lexicon", "classification"), ("threshold", "classification"), ("inbox", "ingest"),
        ("output", "ingest, reports"), ("regions", "ingest, reports"), ("workers", "ingest"), ("limits", "ingest"),
        ("passwords", "ingest"), ("withdraw_limit", "ingest"), ("keep_runs", "ingest"), ("ocr", "ingest"),
        ("ocr_max_pages", "ingest"), ("ocr_seconds", "ingest"), ("max_run_minutes", "ingest"),
        ("coverage", "classification, reports"), ("topic", "classification"), ("model", "classification"),
    ]
    static let limitsKeys = [
        "timeout_seconds", "cpu_seconds", "memory_mb", "documents_per_worker", "max_text_mb", "max_passages",
    ]
    static let ocrKeys = ["mode", "languages", "page_timeout_seconds", "document_timeout_seconds"]
    /// The values of `ocr:` / `ocr.mode:` (the same as `EloExtraction.OCRSettings.Mode`).
    public static let ocrModes = ["auto", "off", "force"]
    static let coverageKeys = ["covered", "weak", "near_miss_score", "evidence_limit", "near_miss_limit"]
    static let topicKeys = ["min_per_1000_words", "fi", "sv"]

    /// A value with the line it was written on, for errors found by the stage that uses it.
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        public var line: Int?
    }

    /// `limits:` — each nil when not given (the stage's default applies).
    public struct Limits: Sendable, Hashable {
        public var timeoutSeconds: Double?
        public var cpuSeconds: Int?
        public var memoryMB: Int?
        public var documentsPerWorker: Int?
        /// Text read from one document, in MiB; beyond it the rest is cut and the document is `partial`.
        public var maxTextMB: Int?
        /// Passages kept from one document; beyond it the rest is left out and the document is `partial`.
        public var maxPassages: Int?
    }

    /// `ocr:` — `mode` is one of `ocrModes`; the others are nil when not given.
    public struct OCR: Sendable, Hashable {
        public var mode: String
        public var languages: String?
        public var pageTimeoutSeconds: Double?
        public var documentTimeoutSeconds: Double?
    }

    /// The file as given (for messages) and its folder (paths in the file are relative to it).
    public var file: String
    public var folder: URL
    public var name: String?
    public var title: String?
    /// `label_sets:` as written (nil when the key is absent, which turns classification off for ingest).
    public var labelSets: [Located<String>]?
    public var lexicon: Located<String>?
    public var threshold: Double?
    public var inbox: URL?
    public var output: URL?
    public var regions: URL?
    public var workers: Int?
    public var limits = Limits()
    public var passwords: [String: String] = [:]
    /// `withdraw_limit:` as a share (0–1): the most of a region's or the index's current documents one ingest
    /// run may withdraw without `--allow-withdraw` (nil when not given).
    public var withdrawLimit: Double?
    /// `keep_runs:` — how many run summaries (`runs/*.json` in the output folder) ingest keeps, newest first;
    /// older ones are deleted after each run (nil when not given).
    public var keepRuns: Int?
    public var ocr: OCR?
    /// `ocr_max_pages:` — pages OCR may recognise per document in one ingest run (nil when not given).
    public var ocrMaxPages: Int?
    /// `ocr_seconds:` — wall-clock seconds OCR may spend per document in one ingest run (nil when not given).
    public var ocrSeconds: Double?
    /// `max_run_minutes:` — minutes after which an ingest run starts no new document (nil when not given).
    public var maxRunMinutes: Double?
    /// `coverage:`, or the defaults; checked as a whole (`CoverageThresholds.problems`).
    public var coverage = CoverageThresholds.defaults
    /// `topic:` (nil when absent: every document is labelled).
    public var topic: TopicRule?
    /// `model:` (nil when absent: the cue rules alone decide).
    public var model: Model?

    /// The name given, else the file name without extension.
    public var displayName: String {
        name ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Reads and checks the pipeline file at `url`.
    public static func read(_ url: URL) throws(ConfigurationError) -> PipelineFile {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(
                file: url.path, line: nil,
                message:
                    "cannot read the pipeline file (\(error.localizedDescription)) — check the path and that it is UTF-8 text"
            )
        }
        return try parse(text, file: url.path, folder: url.deletingLastPathComponent())
    }

    /// Checks pipeline-file text; `file` names it in messages, `folder` resolves its paths.
    public static func parse(_ text: String, file: String, folder: URL) throws(ConfigurationError) -> PipelineFile {
        let folder = URL(fileURLWithPath: folder.path, isDirectory: true)
        let reader = YAMLReader(file: file)
        let root = try reader.root(parsing: text)
        var result = PipelineFile(file: file, folder: folder)
        let check = PipelineFileValues(reader: reader, folder: folder)
        for (key, keyNode, value) in try reader.mapping(root, what: "pipeline") {
            switch key {
            case "name": result.name = try check.text(value, key: key)
            case "title": result.title = try check.text(value, key: key)
            case "label_sets": result.labelSets = try check.paths(value, key: key)
            case "lexicon": result.lexicon = Located(value: try check.text(value, key: key), line: value.mark?.line)
            case "threshold": result.threshold = try check.fraction(value, key: key)
            case "inbox": result.inbox = try check.folder(value, key: key)
            case "output": result.output = try check.folder(value, key: key)
            case "regions": result.regions = try check.folder(value, key: key)
            case "workers": result.workers = try check.whole(value, key: key, atLeast: 1)
            case "limits": result.limits = try check.limits(value)
            case "passwords": result.passwords = try check.passwords(value)
            case "withdraw_limit": result.withdrawLimit = try check.share(value, key: key)
            case "keep_runs": result.keepRuns = try check.whole(value, key: key, atLeast: 1)
            case "ocr": result.ocr = try check.ocr(value)
            case "ocr_max_pages": result.ocrMaxPages = try check.whole(value, key: key, atLeast: 1)
            case "ocr_seconds": result.ocrSeconds = try check.positive(value, key: key, unit: " (a day)")
            case "max_run_minutes": result.maxRunMinutes = try check.minutes(value, key: key)
            case "coverage": result.coverage = try check.coverage(value)
            case "topic": result.topic = try check.topic(value)
            case "model": result.model = try check.model(value)
            default:
                throw reader.fail(keyNode, unknownKey(key, allowed: keys.map(\.key)))
            }
        }
        return result
    }

    /// The message for a key the schema does not know.
    static func unknownKey(_ key: String, allowed: [String]) -> String {
        "pipeline: unknown key '\(key)' — check its spelling or remove it; the keys here are \(allowed.joined(separator: ", "))"
    }
}
