import Foundation
import Yams

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
    public struct Sidecar: Sendable, Hashable {
        public var region: String?
        public var round: String?
        public var type: String?
        public var password: String?
    }

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

/// Lists the inbox: every non-hidden file except sidecars, with size and modification time (no reading).
public struct InboxScanner: Sendable {
    public var inbox: URL
    public var regionIDs: Set<String>

    public init(inbox: URL, regionIDs: Set<String>) {
        self.inbox = inbox
        self.regionIDs = regionIDs
    }

    /// Files sorted by path, and sidecars that could not be parsed (path, reason).
    public func scan() throws -> (files: [InboxFile], badSidecars: [(String, String)]) {
        let root = inbox.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey],
            options: [.skipsHiddenFiles])
        else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: inbox.path]) }
        var files: [InboxFile] = []
        var badSidecars: [(String, String)] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix), !path.hasSuffix(".meta.yaml") else { continue }
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let components = relative.split(separator: "/")
            let folder = components.count > 1 ? String(components[0]) : nil
            var sidecar: InboxFile.Sidecar?
            let sidecarURL = URL(fileURLWithPath: path + ".meta.yaml")
            if FileManager.default.fileExists(atPath: sidecarURL.path) {
                do { sidecar = try Self.readSidecar(sidecarURL) } catch {
                    badSidecars.append((relative + ".meta.yaml", "\(error)"))
                }
            }
            files.append(InboxFile(
                url: URL(fileURLWithPath: path), relativePath: relative, bytes: Int64(info.st_size),
                mtimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                folderRegion: folder.flatMap { regionIDs.contains($0) ? $0 : nil }, sidecar: sidecar))
        }
        return (files.sorted { $0.relativePath < $1.relativePath }, badSidecars)
    }

    static func readSidecar(_ url: URL) throws -> InboxFile.Sidecar {
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let mapping = try Yams.compose(yaml: text)?.mapping else {
            throw IngestSettings.LoadError(file: url.path, line: 1, message: "expected keys region, round, type, password")
        }
        return InboxFile.Sidecar(
            region: mapping["region"]?.string, round: mapping["round"]?.string ?? mapping["year"]?.string,
            type: mapping["type"]?.string, password: mapping["password"]?.string)
    }
}
