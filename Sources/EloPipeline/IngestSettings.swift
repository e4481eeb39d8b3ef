import EloExtraction
import Foundation
import Yams

/// The pipeline file's keys that `elo ingest` uses, resolved relative to the pipeline file. Keys of other
/// stages (label sets, thresholds) are left to their own loader and ignored here.
///
/// ```yaml
/// inbox: ../corpus/inbox        # where regions' documents are dropped
/// output: ../out                # index.sqlite, run summaries, lock file
/// regions: regions              # folder of <region-id>.yaml (default: regions/ beside this file)
/// workers: 4                    # documents read in parallel (default: number of cores)
/// limits: {timeout_seconds: 120, cpu_seconds: 120, memory_mb: 2048}   # per document
/// # a worker process reads documents one after another; it is replaced after documents_per_worker (0: never)
/// passwords: {lappi/plan.pdf: s3cret}   # by inbox path or by file name
/// ocr: auto                     # or off (default), force, or {mode: auto, languages: fin+swe}
/// ```
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
    /// Whether the file names label sets (then ingest classifies; without them passages stay unlabelled).
    public var classifies = false

    /// A pipeline-file error that names the file and line and says what to do.
    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// Loads the ingest keys of `url`; flags given on the command line replace `inbox` and `output`.
    public static func load(_ url: URL, inbox: URL? = nil, output: URL? = nil) throws(LoadError) -> IngestSettings {
        let file = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LoadError(file: file, line: nil, message: "cannot read the pipeline file: \(error.localizedDescription)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw LoadError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let mapping = root?.mapping else {
            throw LoadError(file: file, line: 1, message: "expected a mapping of keys (inbox, output, …)")
        }
        let base = url.deletingLastPathComponent()
        var settings = IngestSettings(
            pipelineFile: url, inbox: base.appendingPathComponent("../corpus/inbox").standardizedFileURL,
            output: base.appendingPathComponent("../out").standardizedFileURL,
            regions: base.appendingPathComponent("regions").standardizedFileURL,
            workers: ProcessInfo.processInfo.activeProcessorCount, limits: WorkerLimits(), passwords: [:])
        var sawInbox = false
        var sawOutput = false
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (value.mark ?? keyNode.mark).map { $0.line }
            func fail(_ message: String) -> LoadError { LoadError(file: file, line: line, message: message) }
            func path() throws(LoadError) -> URL {
                guard let string = value.string, !string.isEmpty else { throw fail("`\(key)` must be a folder path") }
                return URL(fileURLWithPath: string, relativeTo: base).standardizedFileURL
            }
            switch key {
            case "inbox": settings.inbox = try path(); sawInbox = true
            case "output": settings.output = try path(); sawOutput = true
            case "regions": settings.regions = try path()
            case "workers":
                guard let workers = value.int, workers >= 1 else {
                    throw fail("`workers` must be a whole number ≥ 1, got `\(value.string ?? "?")`")
                }
                settings.workers = workers
            case "limits": settings.limits = try limits(value, file: file)
            case "passwords":
                guard let entries = value.mapping else {
                    throw fail("`passwords` must map an inbox path or file name to its password")
                }
                for (name, password) in entries {
                    guard let name = name.string, let password = password.string else {
                        throw LoadError(
                            file: file, line: password.mark?.line, message: "each password entry is `path: password`")
                    }
                    settings.passwords[name] = password
                }
            case "label_sets": settings.classifies = true
            case "ocr": settings.ocr = try ocr(value, file: file)
            default: continue
            }
        }
        if !sawInbox && inbox == nil {
            throw LoadError(file: file, line: nil, message: "no `inbox:` folder given — add `inbox: <folder>` or pass --inbox")
        }
        if !sawOutput && output == nil {
            throw LoadError(file: file, line: nil, message: "no `output:` folder given — add `output: <folder>` or pass --output")
        }
        if let inbox { settings.inbox = inbox.standardizedFileURL }
        if let output { settings.output = output.standardizedFileURL }
        return settings
    }

    /// `ocr: auto` or `ocr: {mode: auto, languages: fin+swe, page_timeout_seconds: 120, document_timeout_seconds: 1800}`.
    private static func ocr(_ node: Node, file: String) throws(LoadError) -> OCRSettings {
        func mode(_ node: Node) throws(LoadError) -> OCRSettings.Mode {
            guard let text = node.string, let mode = OCRSettings.Mode(rawValue: text) else {
                throw LoadError(file: file, line: node.mark?.line, message: "`ocr` must be auto, off or force, got `\(node.string ?? "?")`")
            }
            return mode
        }
        if node.scalar != nil { return OCRSettings(mode: try mode(node)) }
        guard let mapping = node.mapping else {
            throw LoadError(file: file, line: node.mark?.line, message: "`ocr` must be auto, off, force, or a mapping with mode and languages")
        }
        var settings = OCRSettings(mode: .auto)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func seconds() throws(LoadError) -> Double {
                guard let number = value.float, number > 0 else {
                    throw LoadError(file: file, line: value.mark?.line, message: "`ocr.\(key)` must be a positive number of seconds")
                }
                return number
            }
            switch key {
            case "mode": settings.mode = try mode(value)
            case "languages":
                guard let languages = value.string, !languages.isEmpty else {
                    throw LoadError(file: file, line: value.mark?.line, message: "`ocr.languages` must name Tesseract languages, e.g. fin+swe")
                }
                settings.languages = languages
            case "page_timeout_seconds": settings.pageTimeout = try seconds()
            case "document_timeout_seconds": settings.documentTimeout = try seconds()
            default:
                throw LoadError(
                    file: file, line: keyNode.mark?.line,
                    message: "unknown key `ocr.\(key)` — use mode, languages, page_timeout_seconds or document_timeout_seconds")
            }
        }
        return settings
    }

    private static func limits(_ node: Node, file: String) throws(LoadError) -> WorkerLimits {
        guard let mapping = node.mapping else {
            throw LoadError(
                file: file, line: node.mark?.line,
                message: "`limits` must be a mapping (timeout_seconds, cpu_seconds, memory_mb, documents_per_worker)")
        }
        var limits = WorkerLimits()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func number() throws(LoadError) -> Double {
                guard let number = value.float, number > 0 else {
                    throw LoadError(file: file, line: value.mark?.line, message: "`limits.\(key)` must be a positive number")
                }
                return number
            }
            switch key {
            case "timeout_seconds": limits.timeoutSeconds = try number()
            case "cpu_seconds": limits.cpuSeconds = Int(try number().rounded(.up))
            case "memory_mb":
                let memory = Int(try number())
                guard memory >= 256 else {
                    throw LoadError(file: file, line: value.mark?.line, message: "`limits.memory_mb` must be at least 256 (the reader itself needs that much address space)")
                }
                limits.memoryMB = memory
            case "documents_per_worker":
                guard let count = value.int, count >= 0 else {
                    throw LoadError(
                        file: file, line: value.mark?.line,
                        message: "`limits.documents_per_worker` must be a whole number ≥ 0 (0: never replace a worker)")
                }
                limits.documentsPerWorker = count
            default:
                throw LoadError(
                    file: file, line: keyNode.mark?.line,
                    message: "unknown key `limits.\(key)` — use timeout_seconds, cpu_seconds, memory_mb or documents_per_worker")
            }
        }
        return limits
    }

    /// The password for an inbox file: by its inbox path first, then by its file name.
    public func password(for relativePath: String) -> String? {
        passwords[relativePath] ?? passwords[(relativePath as NSString).lastPathComponent]
    }
}
