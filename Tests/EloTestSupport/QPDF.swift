import Foundation

/// Runs the `qpdf` tool for fixtures it makes better than the mini writer (encryption).
public enum QPDF {
    /// The qpdf executable, or nil when it is not installed.
    public static var executable: URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent("qpdf")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Encrypts `input` into `output` with AES-256; nil when qpdf is absent or fails.
    public static func encrypt(_ input: URL, to output: URL, user: String, owner: String) -> URL? {
        guard let qpdf = executable else { return nil }
        let process = Process()
        process.executableURL = qpdf
        process.arguments = ["--encrypt", user, owner, "256", "--", input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? output : nil
    }
}
