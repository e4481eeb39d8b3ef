import Foundation

/// Runs the built `elo` executable (it sits next to the test bundle) and captures its output.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `elo` binary built alongside the tests, if present.
    static var executable: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("elo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let built = Repository.root.appendingPathComponent(".build/debug/elo")
        return FileManager.default.isExecutableFile(atPath: built.path) ? built : nil
    }

    static var available: Bool { executable != nil }

    /// Runs elo with `arguments` in `folder`; `environment` is added to this process's environment.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        process.currentDirectoryURL = folder ?? Repository.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // read before waiting: a full pipe would block the child
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Paths of the repository and of ../shared beside it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let pipelines = root.appendingPathComponent("pipelines")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seeds = shared.appendingPathComponent("seeds")
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
}
