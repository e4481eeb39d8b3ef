import Foundation

/// Which program the worker processes run: this `elo` (as `elo _worker --serve`), unless
/// `ELO_WORKER_EXECUTABLE` names another program that speaks the same protocol. That variable is the test seam
/// of the worker-isolation tests: they point it at `elo-fault-worker` (built with the tests, never shipped),
/// whose documents hang, spin, crash or hog memory on purpose.
public enum WorkerProgram {
    public static let environmentKey = "ELO_WORKER_EXECUTABLE"

    public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let given = environment[environmentKey], !given.isEmpty { return URL(fileURLWithPath: given) }
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: link)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}
