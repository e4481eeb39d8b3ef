import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the `tesseract` command (Debian: tesseract-ocr, tesseract-ocr-fin, tesseract-ocr-swe) on one page
/// image with TSV output, under a wall-clock timeout.
struct OCRTesseract {
    let executable: String
    let languages: String
    let threads: Int

    /// Finds the executable and checks that every requested language is installed.
    static func locate(_ settings: OCRSettings) -> Result<OCRTesseract, ExtractionFailure> {
        guard let executable = settings.tesseractPath ?? findOnPath("tesseract") else {
            return .failure(.tesseractNotInstalled)
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else { return .failure(.tesseractNotInstalled) }
        let wanted = settings.languages.split(separator: "+").map(String.init)
        let installed = installedLanguages(executable)
        let missing = wanted.filter { !installed.contains($0) }
        if !missing.isEmpty { return .failure(.tesseractLanguagesMissing(missing)) }
        return .success(
            OCRTesseract(
                executable: executable, languages: settings.languages,
                threads: max(1, settings.threadsPerPage)))
    }

    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The language codes `tesseract --list-langs` prints (one per line after a header).
    static func installedLanguages(_ executable: String) -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            OCRTemporaryFolder.name(suffix: "langs-\(UUID().uuidString.prefix(8))"))
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = FileManager.default.createFile(atPath: folder.path, contents: nil)
        guard let output = try? FileHandle(forWritingTo: folder) else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--list-langs"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        process.waitUntilExit()
        try? output.close()
        let text = (try? String(contentsOf: folder, encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Recognises `image` and returns Tesseract's TSV. `timeout` is in seconds of wall-clock time.
    func recognise(_ image: URL, dpi: Double, timeout: Double) throws(ExtractionFailure) -> String {
        let base = image.deletingPathExtension()
        let tsv = base.appendingPathExtension("tsv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [image.path, base.path, "-l", languages, "--dpi", String(Int(dpi.rounded())), "tsv"]
        var environment = ProcessInfo.processInfo.environment
        environment["OMP_THREAD_LIMIT"] = String(threads)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .ocrFailed("cannot start \(executable): \(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(1)
            while process.isRunning && Date() < grace { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw .ocrTimedOut
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .ocrFailed("tesseract exited with status \(process.terminationStatus)")
        }
        guard let data = FileManager.default.contents(atPath: tsv.path) else {
            throw .ocrFailed("tesseract wrote no TSV")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
