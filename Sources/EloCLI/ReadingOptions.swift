import ArgumentParser
import EloCore
import EloExtraction
import EloPipeline
import Foundation

extension OCRSettings.Mode: ExpressibleByArgument {}

/// How the commands that read documents directly (`extract`, `classify`) read them: password, parallelism, OCR.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Password for encrypted PDFs (tried on every PDF given).", valueName: "P"))
    var password: String?

    @Option(name: .long, help: "Documents read in parallel (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp(
        "OCR of image-only pages with Tesseract: auto (only pages without a usable text layer), off, or force (every page).",
        valueName: "auto|off|force"))
    var ocr: OCRSettings.Mode = .off

    @Option(name: .customLong("ocr-languages"), help: ArgumentHelp("Tesseract languages for OCR.", valueName: "LANGS"))
    var ocrLanguages: String = "fin+swe"

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// Reads `files` in parallel, in the order given; throws `SetupFailure` when a system library is missing.
    func read(_ files: [String]) throws -> [Document] {
        do {
            return try ExtractionRun(workers: jobs, ocr: OCRSettings(mode: ocr, languages: ocrLanguages))
                .read(files.map { URL(fileURLWithPath: $0) }, password: password)
        } catch {
            throw SetupFailure(message: "\(error)")
        }
    }
}
