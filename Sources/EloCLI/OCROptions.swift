import ArgumentParser
import EloExtraction

extension OCRSettings.Mode: ExpressibleByArgument {}

/// `--ocr` and `--ocr-languages`, shared by the commands that read documents directly.
struct OCROptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "OCR of image-only pages with Tesseract: auto (only pages without a usable text layer), off, or force (every page).",
        valueName: "auto|off|force"))
    var ocr: OCRSettings.Mode = .off

    @Option(name: .customLong("ocr-languages"), help: ArgumentHelp("Tesseract languages for OCR.", valueName: "LANGS"))
    var languages: String = "fin+swe"

    var settings: OCRSettings { OCRSettings(mode: ocr, languages: languages) }
}
