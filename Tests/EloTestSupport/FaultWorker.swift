import Foundation

/// `elo-fault-worker`, the worker with injected faults (`Tests/EloFaultWorker`), built next to `elo` by
/// `swift build --build-tests`: a document named `*.hang.*`, `*.spin.*`, `*.crash.*`, `*.hog.*`, `*.burn.*` or
/// `*.slow.*` hangs, spins, crashes, hogs memory, burns 0.6 s of CPU or waits 2 s in it.
public enum FaultWorker {
    /// The built program, or nil when it is not next to the tests.
    public static let executable: URL? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "elo-fault-worker"),
            repo.appendingPathComponent(".build/debug/elo-fault-worker"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The environment that makes `elo ingest` / `elo extract` run their workers with the faults
    /// (`ELO_WORKER_EXECUTABLE`, `WorkerProgram.environmentKey`).
    public static var environment: [String: String] {
        ["ELO_WORKER_EXECUTABLE": executable?.path ?? "/nonexistent/elo-fault-worker"]
    }
}
