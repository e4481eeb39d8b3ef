import Foundation

/// Writes a `ReportBundle` into an output folder. Each file is written atomically (readers never see half a
/// page); a path that is absolute, empty, or has `.`/`..` or unexpected characters in any part is refused
/// before anything is written. Region files left from regions no longer in the report are removed.
public struct ReportFolderWriter: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes every file; returns their URLs in bundle order.
    @discardableResult
    public func write(_ bundle: ReportBundle) throws -> [URL] {
        let root = folder.standardizedFileURL
        let targets = try bundle.files.map { file -> URL in
            try Self.check(file.path)
            let url = root.appendingPathComponent(file.path).standardizedFileURL
            guard url.path.hasPrefix(root.path + "/") else { throw ReportWriteError(path: file.path, reason: "outside the output folder") }
            return url
        }
        let manager = FileManager.default
        for (file, url) in zip(bundle.files, targets) {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: .atomic)
            } catch {
                throw ReportWriteError(path: url.path, reason: "cannot write (\(error.localizedDescription)); check that the output folder is writable")
            }
        }
        removeStaleRegionFiles(keeping: Set(targets.map(\.path)), root: root)
        removeStaleNationalPages(keeping: Set(targets.map(\.path)), root: root)
        return targets
    }

    /// A relative path of plain parts: letters, digits, `-`, `_` and `.`, not starting with a dot.
    static func check(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/") else { throw ReportWriteError(path: path, reason: "not a relative path") }
        for part in parts {
            let plain = part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
            guard !part.isEmpty, !part.hasPrefix("."), plain else {
                throw ReportWriteError(path: path, reason: "unsafe file name part '\(part)'")
            }
        }
    }

    /// National pages and workbooks in a language no longer written (`index-sv.html` after `elo report --lang fi`).
    private func removeStaleNationalPages(keeping kept: Set<String>, root: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let stale = { (name: String) in
            (name.hasPrefix("index-") && name.hasSuffix(".html")) || (name.hasPrefix("coverage-") && name.hasSuffix(".xlsx"))
        }
        for name in names where stale(name) {
            let url = root.appendingPathComponent(name).standardizedFileURL
            if !kept.contains(url.path) { try? FileManager.default.removeItem(at: url) }
        }
    }

    private func removeStaleRegionFiles(keeping kept: Set<String>, root: URL) {
        for folder in [ReportLayout.regionFolder, ReportLayout.documentFolder] {
            let files = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: files.path)) ?? []
            for name in names where [".html", ".md", ".json"].contains(where: name.hasSuffix) {
                let url = files.appendingPathComponent(name).standardizedFileURL
                if !kept.contains(url.path) { try? FileManager.default.removeItem(at: url) }
            }
        }
    }
}

/// A report file that could not be written, naming the file and what to do.
public struct ReportWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
