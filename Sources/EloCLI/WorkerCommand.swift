import ArgumentParser
import EloPipeline
import Foundation

/// `elo _worker`: the hidden child process `elo ingest` starts for each untrusted document. It limits its own
/// CPU time and address space, reads the file and prints the `Document` as JSON on standard output.
/// The password, if any, comes in the environment (`ELO_WORKER_PASSWORD`), never on the command line.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_worker", abstract: "Read one document in an isolated process (used by elo ingest).",
        shouldDisplay: false)

    @Option(name: .long, help: "CPU-time limit in seconds (RLIMIT_CPU).")
    var cpuSeconds: Int = 120

    @Option(name: .long, help: "Address-space limit in MiB (RLIMIT_AS).")
    var memoryMb: Int = 2048

    @Argument(help: "The file to read.")
    var file: String

    func run() throws {
        let status = WorkerEntry.run(
            path: file, cpuSeconds: cpuSeconds, memoryMB: memoryMb,
            password: ProcessInfo.processInfo.environment["ELO_WORKER_PASSWORD"])
        if status != 0 { throw ExitCode(status) }
    }
}
