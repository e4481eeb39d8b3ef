import ArgumentParser
import EloCore
import EloExtraction
import EloPipeline
import Foundation

extension OCRSettings.Mode: ExpressibleByArgument {}

/// How the commands that read documents directly (`extract`, `classify`) read them: password, parallelism, OCR,
/// and the per-document limits of the worker processes that read them (as `elo ingest` reads the inbox).
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Password for encrypted PDFs (tried on every PDF given).", valueName: "P"))
    var password: String?

    @OptionGroup var parallel: ParallelOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "OCR of image-only pages with Tesseract: auto (only pages without a usable text layer), off, or force (every page).",
            valueName: "auto|off|force"))
    var ocr: OCRSettings.Mode = .off

    @Option(name: .customLong("ocr-languages"), help: ArgumentHelp("Tesseract languages for OCR.", valueName: "LANGS"))
    var ocrLanguages: String = "fin+swe"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Wall-clock seconds one document may take before it is stopped as failed (default: the pipeline's limits.timeout_seconds, else 120).",
            valueName: "S"))
    var timeoutSeconds: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CPU seconds one document may use (default: limits.cpu_seconds, else 120).", valueName: "S"))
    var cpuSeconds: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Memory a reader process may map, in MB, 256 or more (default: limits.memory_mb, else 2048).",
            valueName: "MB"))
    var memoryMb: Int?

    func validate() throws {
        if let timeoutSeconds, !(timeoutSeconds > 0 && timeoutSeconds <= 86_400) {
            throw ValidationError("--timeout-seconds must be above 0 and at most 86400 (a day), got \(timeoutSeconds)")
        }
        if let cpuSeconds, !(1...86_400).contains(cpuSeconds) {
            throw ValidationError("--cpu-seconds must be from 1 to 86400 (a day), got \(cpuSeconds)")
        }
        if let memoryMb, !(256...1_048_576).contains(memoryMb) {
            throw ValidationError(
                "--memory-mb must be from 256 (the reader itself needs that much) to 1048576, got \(memoryMb)")
        }
    }

    /// `base` (the pipeline file's `limits:` or the defaults) with the flags given applied.
    func limits(over base: WorkerLimits = WorkerLimits()) -> WorkerLimits {
        var limits = base
        if let timeoutSeconds { limits.timeoutSeconds = timeoutSeconds }
        if let cpuSeconds { limits.cpuSeconds = cpuSeconds }
        if let memoryMb { limits.memoryMB = memoryMb }
        return limits
    }

    /// Reads `files` in worker processes, in parallel, in the order given; each document keeps the path as typed.
    /// A file that hangs, spins or needs too much memory is a `failed` document, and the others are read.
    func read(_ files: [String], limits base: WorkerLimits = WorkerLimits()) -> [Document] {
        IsolatedExtractionRun(
            executable: WorkerProgram.executable(), limits: limits(over: base), workers: parallel.jobs,
            ocr: OCRSettings(mode: ocr, languages: ocrLanguages)
        ).read(files, password: password)
    }
}
