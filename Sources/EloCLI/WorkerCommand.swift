import ArgumentParser
import EloPipeline
import Foundation

/// `elo _worker`: the hidden child process `elo ingest` keeps running to read untrusted documents.
///
/// With `--serve` (what ingest uses) it loads its libraries once and answers one JSON request line per document
/// on standard input with one JSON line on standard output, until its input closes; each document gets its own
/// CPU budget, the address-space limit holds for the whole worker (see `WorkerEntry`). With a file argument it
/// reads that one file and prints its `Document` as JSON (the password then comes in `ELO_WORKER_PASSWORD`).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_worker", abstract: "Read documents in an isolated process (used by elo ingest).",
        shouldDisplay: false)

    @Flag(name: .long, help: "Serve JSON requests on standard input, one document per line.")
    var serve = false

    @Option(name: .long, help: "CPU-time limit in seconds for the one file (RLIMIT_CPU).")
    var cpuSeconds: Int = 120

    @Option(name: .long, help: "Address-space limit in MiB (RLIMIT_AS).")
    var memoryMb: Int = 2048

    @Argument(help: "The file to read (without --serve).")
    var file: String?

    func validate() throws {
        if serve == (file != nil) { throw ValidationError("give either --serve or one file") }
    }

    func run() throws {
        let status: Int32
        if serve {
            status = WorkerEntry.serve(memoryMB: memoryMb)
        } else {
            status = WorkerEntry.run(
                path: file ?? "", cpuSeconds: cpuSeconds, memoryMB: memoryMb,
                password: ProcessInfo.processInfo.environment["ELO_WORKER_PASSWORD"])
        }
        if status != 0 { throw ExitCode(status) }
    }
}
