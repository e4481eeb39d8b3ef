import EloPipeline
import Foundation

// `elo-fault-worker _worker --serve --memory-mb N` (or `_worker --cpu-seconds N --memory-mb N FILE`): the
// worker of `elo`, with the faults of `FaultInjection` before each document. Built with the tests only; the
// tests point `ELO_WORKER_EXECUTABLE` at it.
let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String, _ fallback: Int) -> Int {
    guard let at = arguments.firstIndex(of: flag), at + 1 < arguments.count else { return fallback }
    return Int(arguments[at + 1]) ?? fallback
}
let memoryMB = value("--memory-mb", 2048)
let status: Int32
if arguments.contains("--serve") {
    status = WorkerEntry.serve(memoryMB: memoryMB, beforeReading: FaultInjection.inject)
} else {
    status = WorkerEntry.run(
        path: arguments.last ?? "", cpuSeconds: value("--cpu-seconds", 120), memoryMB: memoryMB,
        password: ProcessInfo.processInfo.environment["ELO_WORKER_PASSWORD"], beforeReading: FaultInjection.inject)
}
exit(status)
