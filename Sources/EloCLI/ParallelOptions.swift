import ArgumentParser
import Foundation

/// `--jobs`: how many documents the commands that read documents (`extract`, `classify`, `eval`, `train`)
/// read at once.
struct ParallelOptions: ParsableArguments {
    @Option(name: .long, help: "Documents read in parallel (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }
}
