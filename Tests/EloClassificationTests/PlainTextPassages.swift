import EloCore
import Foundation

/// Test-only stand-in for the extraction + normalisation stages: a plain-text file becomes one page of
/// passages, one per block of non-blank lines, with a new passage at every bullet line.
enum PlainTextPassages {
    static func passages(_ text: String, language: Language = .finnish) -> [Passage] {
        var passages: [Passage] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty {
                passages.append(Passage(page: 1, index: passages.count, kind: .paragraph, language: language, text: current.joined(separator: " ")))
            }
            current = []
        }
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush(); continue }
            if isBullet(trimmed) { flush() }
            current.append(trimmed.replacingOccurrences(of: "\t", with: " "))
        }
        flush()
        return passages
    }

    static func isBullet(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first else { return false }
        if (0xF000...0xF0FF).contains(first.value) { return true }
        let marker = line.prefix(2)
        return ["• ", "· ", "– ", "- ", "o "].contains(String(marker))
    }

    /// Every `.txt` file under `folder`, by file name.
    static func documents(in folder: URL) -> [String: [Passage]] {
        var documents: [String: [Passage]] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "txt", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            documents[file.lastPathComponent] = passages(text)
        }
        return documents
    }
}

/// Paths of the repository and of ../shared beside it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pipelines = root.appendingPathComponent("pipelines")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let seeds = shared.appendingPathComponent("seeds")
    static var hasSeeds: Bool { FileManager.default.fileExists(atPath: seeds.path) }
}
