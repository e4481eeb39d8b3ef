import ArgumentParser
import EloCore
import EloPipeline
import Foundation

/// `elo extract`: extraction and normalisation only, for checking what elo reads from given files.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract and normalise documents, and show the passages elo reads from them.",
        discussion: """
            Reads PDFs (through their text layer) and plain-text files (UTF-8, UTF-16 with BOM, \
            Windows-1252 or ISO-8859-1, detected), normalises the text and splits it into headings, \
            paragraphs and list items with their page numbers and language (fi, sv, mixed, en, unknown).

            Scanned PDFs (pages without a text layer) come out needs-ocr unless --ocr auto is given: \
            then the pages are rendered and recognised with Tesseract (fin+swe by default; Debian \
            packages tesseract-ocr, tesseract-ocr-fin, tesseract-ocr-swe), and the document's method is ocr.

            A file that cannot be read does not stop the others: its status says why \
            (failed, needs-password, needs-ocr, partial) and its diagnostics say what to do.

            Each file is read in a separate worker process, as `elo ingest` reads the inbox, with a \
            wall-clock limit (--timeout-seconds), a CPU limit (--cpu-seconds) and a memory limit \
            (--memory-mb) per document: a runaway file (a decompression bomb, a reader that hangs) \
            ends as failed ("timed out", "out of memory") and the next file is read.

            Exit status: 0 every file was read; 2 some file needs attention (failed, partial, \
            needs-password or needs-ocr); 64 bad arguments.

            Examples:
              elo extract corpus/inbox/lappi/*.pdf
              elo extract --json plan.pdf | jq '.documents[0].passages[] | select(.page == 3)'
              elo extract --password s3cret encrypted-plan.pdf
              elo extract --ocr auto scanned-report.pdf
              elo extract --timeout-seconds 30 --memory-mb 1024 suspicious.pdf
            """)

    @Flag(
        name: .long,
        help: "Print JSON: {\"documents\": [{path, sha256, pages, language, status, method, diagnostics, passages}]}.")
    var json = false

    @OptionGroup(title: "Reading")
    var reading: ReadingOptions

    @Argument(help: ArgumentHelp("PDF or text files to read.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE to extract") }
    }

    func run() throws {
        // Each file is read in a worker process with time, CPU and memory limits; paths stay as typed.
        let shown = reading.read(files)
        if json {
            try JSONOutput.write(ExtractionReport(documents: shown))
        } else {
            print(DocumentSummary.render(shown), terminator: "")
        }
        if shown.contains(where: { $0.status != .ok }) {
            throw ExitCode(2)
        }
    }
}

/// What `elo extract --json` prints.
struct ExtractionReport: Encodable {
    var documents: [Document]
}
