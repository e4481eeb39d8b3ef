import ArgumentParser
import EloClassification
import EloPipeline
import EloSettings
import Foundation
import Logging

/// `elo ingest`: the nightly main job. Parses arguments, sets up logging and calls `IngestRun`.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Incrementally ingest the inbox into the SQLite index (for cron).",
        discussion: """
            Reads every new or changed document of the inbox in isolated, long-lived worker processes (one per \
            parallel reader; each document has the time and CPU limits of the pipeline file, each worker its memory \
            limit; a worker that hangs, crashes or runs out of memory fails only that document and is replaced), finds its region, classifies its passages and commits it to \
            <output>/index.sqlite, one transaction per document. Unchanged files are skipped without reading; \
            renamed or duplicated files are not indexed twice; a changed file becomes a new version; a file \
            removed from the inbox is marked withdrawn. An inbox that is missing, unreadable or empty, or a run that \
            would withdraw more than `withdraw_limit` (50%) of a region's or the index's documents, stops before \
            changing anything (exit 1) unless --allow-withdraw confirms. Safe to kill at any moment: the next run finishes the work.

            A failure the document causes (damaged, encrypted, a reader crash or limit) is remembered: the file is \
            not read again until it is re-sent (changed, touched or copied anew — an identical copy is read again \
            too), --retry names it, or --retry-failed is given. A failure that is not the document's (the file \
            vanished or changed while it was read, no reader process could be started) is remembered nowhere: the \
            file is listed as not-read and the next run reads it again.

            Before it writes, every run checks that the index is an elo index of this or an older elo, and not \
            damaged (quick_check and the search index's check); it refuses, with exit status 1 and advice, an \
            unrelated database, an index of a newer elo, an empty (0-byte) index file and a damaged index. The \
            output folder must be apart from the inbox (not the same, not inside it, not containing it).

            Exit status: 0 all new documents ingested; 2 the run finished but some documents need attention \
            (failed, partial, needs-password, needs-ocr, unassigned region; each listed with what to do), found in \
            this run or still waiting in the inbox from earlier runs; 1 the run could not start or broke; 75 another \
            run holds the lock; 143 (SIGTERM) or 130 (SIGINT): stopped early — no further document was taken, what was \
            committed stays, the run is marked interrupted, the lock is released, and the next run reads the rest.

            Examples:
              elo ingest --pipeline pipelines/elo-2014.yaml
              elo ingest --pipeline pipelines/elo-2014.yaml --inbox corpus/inbox --output out --json
              elo ingest --pipeline pipelines/elo-2014.yaml --retry lappi/plan.pdf
              elo ingest --pipeline pipelines/elo-2014.yaml --retry-failed
            """)

    @Option(name: .long, help: "The pipeline file (YAML): inbox, output, regions, workers, limits, passwords.")
    var pipeline: String

    @Option(name: .long, help: "Inbox folder (default: `inbox:` of the pipeline file).")
    var inbox: String?

    @Option(
        name: .long, help: "Output folder for the index and run summaries (default: `output:` of the pipeline file).")
    var output: String?

    @Option(
        name: .long,
        help: "Documents read in parallel (default: `workers:` of the pipeline file, else the number of cores).")
    var workers: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read this inbox file again whatever the index remembers (a path, or relative to the inbox); repeatable.",
            valueName: "FILE"))
    var retry: [String] = []

    @Flag(name: .long, help: "Read again every inbox file whose reading failed before.")
    var retryFailed = false

    @Flag(name: .long, help: "Wait for a running ingest to finish instead of exiting with status 75.")
    var wait = false

    @Flag(
        name: .long,
        help:
            "Withdraw the documents whose files are gone from the inbox however many they are (beyond `withdraw_limit:`), and accept an empty inbox."
    )
    var allowWithdraw = false

    @Flag(name: .long, help: "Print the run summary as JSON on standard output.")
    var json = false

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    func validate() throws {
        if let workers, !(1...256).contains(workers) {
            throw ValidationError("--workers must be from 1 to 256, got \(workers)")
        }
    }

    func run() throws {
        bootstrapLogging(level: logLevel)
        let ingest: NightlyIngest
        do {
            ingest = try NightlyIngest(
                pipeline: URL(fileURLWithPath: pipeline), options: options, logger: Logger(label: "elo.ingest"))
        } catch {
            throw CommandFailure("elo ingest: \(error)")
        }
        // SIGTERM and SIGINT stop the run between documents instead of killing it mid-way.
        let signals = ingest.run.stop.listen()
        defer { for signal in signals { signal.cancel() } }
        let bar = ProgressBar.ifOnTerminal(unless: json)
        let outcome: NightlyIngest.Outcome
        do throws(PipelineFailure) { outcome = try ingest.perform(progress: bar.draw) } catch {
            bar.clear()
            throw CommandFailure("elo ingest: \(error)", exitCode: error.exitCode)
        }
        bar.clear()
        try print(outcome.summary)
        if let failure = outcome.reportFailure {
            FileHandle.standardError.write(
                Data("elo ingest: the index is up to date, but the reports were not written: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        if outcome.summary.exitCode != 0 { throw ExitCode(outcome.summary.exitCode) }
    }

    private var options: NightlyIngest.Options {
        var options = NightlyIngest.Options()
        options.inbox = inbox.map { URL(fileURLWithPath: $0) }
        options.output = output.map { URL(fileURLWithPath: $0) }
        (options.workers, options.allowWithdraw, options.retry) = (workers, allowWithdraw, retry)
        (options.retryFailed, options.waitForLock) = (retryFailed, wait)
        return options
    }

    private func print(_ summary: IngestSummary) throws {
        if json { return try JSONOutput.write(summary) }
        Swift.print(summary.oneLine)
        if summary.needsAttention { Swift.print(summary.attentionReport) }
    }

    private func bootstrapLogging(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// A one-line progress bar on standard error, for terminals only.
struct ProgressBar: Sendable {
    /// Whether the bar is drawn at all: only on a terminal that takes escapes, and not with `--json`.
    let shown: Bool

    /// Its line is cleared with an escape, so there is no bar where escapes are refused.
    static func ifOnTerminal(unless json: Bool) -> ProgressBar {
        ProgressBar(shown: Terminal.showsEscapes(STDERR_FILENO) && !json)
    }

    @Sendable func draw(done: Int, total: Int, path: String) {
        guard shown else { return }
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = path.count > 40 ? "…" + path.suffix(39) : path
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)".utf8))
    }

    func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
