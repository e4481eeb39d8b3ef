import CFileSwap
import Foundation

/// Writes a `ReportBundle` as a whole set: every file goes into a fresh folder beside the report folder, which
/// then takes the report folder's place in one atomic swap (the old set stays until then and is removed after).
/// A run that fails or is killed half-way leaves the previous reports as they were; its half-written folder is
/// removed, or swept by the next write. A path that is absolute, empty, or has `.`/`..` or unexpected characters
/// in any part is refused before anything is written. The report folder is elo's: files put there by hand do not
/// survive the next write.
public struct ReportFolderWriter: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Writes every file; returns their URLs (in the report folder) in bundle order.
    @discardableResult
    public func write(_ bundle: ReportBundle) throws -> [URL] {
        let root = folder.standardizedFileURL
        let targets = try bundle.files.map { file -> URL in
            try Self.check(file.path)
            let url = root.appendingPathComponent(file.path).standardizedFileURL
            guard url.path.hasPrefix(root.path + "/") else {
                throw ReportError(kind: .unsafePath, file: file.path, problem: "outside the output folder")
            }
            return url
        }
        sweepLeftovers(of: root)
        let staging = root.deletingLastPathComponent().appendingPathComponent(
            ".\(root.lastPathComponent).new-\(getpid())")
        do {
            try write(bundle, into: staging)
            try swapIn(staging, for: root)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        return targets
    }

    private func write(_ bundle: ReportBundle, into staging: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: staging)
        for file in bundle.files {
            let url = staging.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Self.writeFile(file.contents, to: url)
            } catch {
                throw ReportError(
                    kind: .cannotWrite, file: folder.appendingPathComponent(file.path).path,
                    problem: "cannot write (\(Self.describe(error)))",
                    fix:
                        "check that the output folder is writable and the disk has room — the previous reports are kept as they were"
                )
            }
        }
    }

    /// Puts `staging` in the place of `root` in one step and removes the old set; where the file system cannot
    /// swap, the old set is moved aside first (a moment without reports, never a torn set).
    private func swapIn(_ staging: URL, for root: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: root.path) else {
            try manager.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
            return try rename(staging, to: root)
        }
        if elo_exchange_paths(staging.path, root.path) == 0 {
            try? manager.removeItem(at: staging)  // now the old set
            return
        }
        let old = root.deletingLastPathComponent().appendingPathComponent(".\(root.lastPathComponent).old-\(getpid())")
        try? manager.removeItem(at: old)
        try rename(root, to: old)
        do { try rename(staging, to: root) } catch {
            try? rename(old, to: root)
            throw error
        }
        try? manager.removeItem(at: old)
    }

    /// A failed write in the system's words ("File too large", "No space left on device").
    static func describe(_ error: any Error) -> String {
        if let failed = error as? ReportError { return failed.problem }
        return error.localizedDescription
    }

    /// Writes `data` to a new file with POSIX calls, so that a full disk or a file-size limit is reported as such.
    static func writeFile(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ReportError.system(errno, file: url.path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ReportError.system(errno, file: url.path)
                }
                offset += written
            }
        }
    }

    private func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw ReportError(
                kind: .cannotWrite, file: to.path,
                problem: "cannot put the new reports in place (\(String(cString: strerror(errno))))",
                fix: "check the output folder's permissions")
        }
    }

    /// Removes the half-written and old sets a killed run left beside the report folder (`.reports.new-PID`).
    private func sweepLeftovers(of root: URL) {
        let parent = root.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names
        where name.hasPrefix(".\(root.lastPathComponent).new-") || name.hasPrefix(".\(root.lastPathComponent).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// A relative path of plain parts: letters, digits, `-`, `_` and `.`, not starting with a dot.
    static func check(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/") else {
            throw ReportError(kind: .unsafePath, file: path, problem: "not a relative path")
        }
        for part in parts {
            let plain = part.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_.".unicodeScalars.contains($0)
            }
            guard !part.isEmpty, !part.hasPrefix("."), plain else {
                throw ReportError(kind: .unsafePath, file: path, problem: "unsafe file name part '\(part)'")
            }
        }
    }
}
