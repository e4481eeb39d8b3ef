import EloTestSupport
import Foundation
import GRDB

/// A throw-away project for one ingest test: a pipeline file, two region files, an inbox and an output folder,
/// and a way to run the real `elo` binary on it.
final class IngestFixture {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    var inbox: URL { root.appendingPathComponent("inbox") }
    var output: URL { root.appendingPathComponent("out") }
    var pipeline: URL { root.appendingPathComponent("pipelines/test.yaml") }
    var index: URL { output.appendingPathComponent("index.sqlite") }

    /// The `elo` binary built next to the tests, or nil (then the test skips with a note).
    static let executable: URL? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("elo"),
            repo.appendingPathComponent(".build/debug/elo"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    let limits: String
    let workers: Int

    init(limits: String = "{timeout_seconds: 20, cpu_seconds: 4, memory_mb: 768}", workers: Int = 2) throws {
        folder = try TemporaryFolder(prefix: "elo-ingest")
        self.limits = limits
        self.workers = workers
        try writePipeline()
        try folder.write(
            Data("id: lappi\nname_fi: Lappi\nname_sv: Lappland\nelo_groups: [Lapin ELO]\naliases: []\n".utf8),
            to: "pipelines/regions/lappi.yaml")
        try folder.write(
            Data("id: uusimaa\nname_fi: Uusimaa\nname_sv: Nyland\nelo_groups: []\naliases: []\n".utf8),
            to: "pipelines/regions/uusimaa.yaml")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    /// (Re)writes the pipeline file: inbox, output, workers, limits, a password for `lappi/locked.pdf`, then `extra` lines.
    func writePipeline(_ extra: String = "") throws {
        try folder.write(
            Data(
                """
                # test pipeline
                inbox: ../inbox
                output: ../out
                workers: \(workers)
                limits: \(limits)
                passwords:
                  lappi/locked.pdf: secret
                """.utf8) + Data("\n".utf8) + Data(extra.utf8), to: "pipelines/test.yaml")
    }

    @discardableResult
    func put(_ text: String, at path: String) throws -> URL {
        try folder.write(Data(text.utf8), to: "inbox/\(path)")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        }
    }

    /// Runs `elo ingest` on the fixture and waits for it.
    func ingest(_ extra: [String] = ["--json"], environment: [String: String] = [:]) throws -> Result {
        try wait(for: try start(extra, environment: environment))
    }

    /// Runs another elo command on the fixture's pipeline (`elo <command> --pipeline P <extra>`) and waits for it.
    func command(_ command: String, _ extra: [String] = []) throws -> Result {
        let process = try start()
        process.arguments = [command, "--pipeline", pipeline.path] + extra
        return try wait(for: process)
    }

    private func wait(for process: Process) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A configured, not yet started `elo ingest` process (output discarded).
    func start(_ extra: [String] = [], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["ingest", "--pipeline", pipeline.path] + extra
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    func database() throws -> DatabaseQueue {
        try DatabaseQueue(path: index.path)
    }

    func scalar(_ sql: String) throws -> Int {
        try database().read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
