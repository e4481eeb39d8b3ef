import EloCore
import EloSettings
import Foundation

/// One document file found in the inbox, with what can be known without reading it.
public struct InboxFile: Sendable, Hashable {
    public var url: URL
    /// Path relative to the inbox, `/`-separated: the file's identity for the no-reading change check.
    public var relativePath: String
    public var bytes: Int64
    public var mtimeNanoseconds: Int64
    /// The region id from `inbox/<region-id>/…`, when that folder names a known region.
    public var folderRegion: String?
    public var sidecar: Sidecar?

    /// `FILE.meta.yaml` beside a document: what the region told us about it.
    public typealias Sidecar = EloSettings.Sidecar

    /// Files with the same key are versions of one document: region, round and type from the sidecar when
    /// given, else region folder plus the file name without version markers (`plan_v2.pdf`, `plan (1).pdf`,
    /// `plan uppdaterad.pdf`, `plan_2015-03.pdf`). A bare number (`liite-1.pdf`, `liite-2.pdf`) does not group
    /// files: annexes are numbered too. Among versions grouped otherwise, `VersionOrder` reads `_2` as a marker.
    public var versionKey: String {
        let region = sidecar?.region ?? folderRegion ?? "-"
        if let round = sidecar?.round, let type = sidecar?.type { return "\(region)|\(round)|\(type)" }
        var stem = ((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        let markers = [
            #"[ _-]*\(\d+\)$"#, #"[ _-]*(v|ver|versio|version)[ _.-]*\d+$"#,
            #"[ _-]*(final|lopullinen|korjattu|päivitetty|paivitetty|uusi|new|rev\d*|uppdaterad|reviderad|slutlig|updated)$"#,
            #"[ _-]*(19|20)\d\d-(0[1-9]|1[0-2])(-\d\d)?$"#,
        ]
        var changed = true
        while changed {
            changed = false
            for marker in markers {
                if let range = stem.range(of: marker, options: .regularExpression), !range.isEmpty {
                    stem.removeSubrange(range)
                    changed = true
                }
            }
        }
        return "\(region)|\(stem)"
    }
}

/// Lists the inbox: every non-hidden regular file except sidecars, with size and modification time (no
/// reading). Symbolic links and special files (pipes, sockets, devices) are not followed or read but listed as
/// skipped with the reason; a name that is not valid UTF-8 is listed too (it cannot be stored or shown as it
/// is). Names with control characters are kept as `LineSafeName` escapes, so no output line is split by one.
public struct InboxScanner: Sendable {
    public var inbox: URL
    public var regionIDs: Set<String>

    public init(inbox: URL, regionIDs: Set<String>) {
        self.inbox = inbox
        self.regionIDs = regionIDs
    }

    /// What the scan found.
    public struct Result: Sendable {
        /// Regular files, sorted by path.
        public var files: [InboxFile] = []
        /// Sidecars that could not be parsed: (path, reason).
        public var badSidecars: [(String, String)] = []
        /// Entries not read: symbolic links, special files, names that are not UTF-8.
        public var skipped: [IngestSummary.SkippedEntry] = []
    }

    public func scan() throws -> Result {
        let root = inbox.standardizedFileURL.resolvingSymlinksInPath()
        var info = stat()
        guard stat(root.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: inbox.path])
        }
        var result = Result()
        walk(Array(root.path.utf8), relative: "", into: &result)
        result.files.sort { $0.relativePath < $1.relativePath }
        result.skipped.sort { $0.path < $1.path }
        return result
    }

    /// Lists one folder (by its path's bytes) and the folders below it.
    private func walk(_ folder: [UInt8], relative: String, into result: inout Result) {
        guard let directory = opendir(String(decoding: folder, as: UTF8.self)) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.first != UInt8(ascii: ".") else { continue }  // hidden, and . and ..
            let path = folder + [UInt8(ascii: "/")] + name
            guard let text = String(validating: name, as: UTF8.self) else {
                result.skipped.append(.init(path: relative + LineSafeName.escape(bytes: name), reason: .notUTF8))
                continue
            }
            let shown = relative + LineSafeName.escape(text)
            let full = String(decoding: path, as: UTF8.self)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, relative: shown + "/", into: &result)
            case S_IFREG: add(full, shown: shown, info: info, into: &result)
            case S_IFLNK: result.skipped.append(.init(path: shown, reason: .symbolicLink))
            default: result.skipped.append(.init(path: shown, reason: .specialFile))
            }
        }
    }

    private func add(_ path: String, shown relative: String, info: stat, into result: inout Result) {
        guard !path.hasSuffix(".meta.yaml") else { return }
        let components = relative.split(separator: "/")
        let folder = components.count > 1 ? String(components[0]) : nil
        let folderRegion = folder.flatMap { regionIDs.contains($0) ? $0 : nil }
        var sidecar: InboxFile.Sidecar?
        let sidecarURL = URL(fileURLWithPath: path + ".meta.yaml")
        if FileManager.default.fileExists(atPath: sidecarURL.path) {
            let checked = SidecarReader(regionIDs: regionIDs).read(sidecarURL, folderRegion: folderRegion)
            sidecar = checked.sidecar
            if let problem = checked.problem {
                result.badSidecars.append((relative + ".meta.yaml", problem.description))
            }
        }
        result.files.append(
            InboxFile(
                url: URL(fileURLWithPath: path), relativePath: relative, bytes: Int64(info.st_size),
                mtimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                folderRegion: folderRegion, sidecar: sidecar))
    }
}
