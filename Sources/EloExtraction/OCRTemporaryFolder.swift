import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The temporary folders OCR renders pages into: `elo-ocr-<pid>-<start>-<random>` in the temporary directory,
/// named after the process that owns them (its id and its start time, so a reused process id is not mistaken for
/// the owner). A process killed mid-document leaves its folder behind; `sweepStale` removes every folder whose
/// owner is gone, and `elo ingest` calls it at the start of every run.
public enum OCRTemporaryFolder {
    static let prefix = "elo-ocr-"

    /// A new folder owned by this process.
    static func make(in directory: URL = FileManager.default.temporaryDirectory) throws -> URL {
        let folder = directory.appendingPathComponent(name(suffix: UUID().uuidString.prefix(8).lowercased()))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `elo-ocr-<pid>-<start>-<suffix>` for this process.
    static func name(suffix: some StringProtocol) -> String {
        let pid = getpid()
        return "\(prefix)\(pid)-\(startTime(of: pid) ?? 0)-\(suffix)"
    }

    /// Removes the OCR folders and files in `directory` whose owner process is gone (elo's from before this
    /// naming, `elo-ocr-<uuid>`, once a day old); returns the names removed.
    @discardableResult
    public static func sweepStale(in directory: URL = FileManager.default.temporaryDirectory, now: Date = Date())
        -> [String]
    {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed: [String] = []
        for name in names where name.hasPrefix(prefix) && isStale(name, in: directory, now: now) {
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil {
                removed.append(name)
            }
        }
        return removed
    }

    static func isStale(_ name: String, in directory: URL, now: Date) -> Bool {
        let parts = name.dropFirst(prefix.count).split(separator: "-", maxSplits: 2)
        if parts.count == 3, let pid = pid_t(parts[0]), let start = UInt64(parts[1]) {
            return !isAlive(pid, startedAt: start)
        }
        // An unnamed owner (elo before this naming): a UUID, removed once it is a day old.
        guard UUID(uuidString: String(name.dropFirst(prefix.count))) != nil else { return false }
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
        let modified = (attributes?[.modificationDate] as? Date) ?? now
        return now.timeIntervalSince(modified) > 86_400
    }

    /// Whether process `pid` exists and is the one that started at `start` (0: any start time).
    static func isAlive(_ pid: pid_t, startedAt start: UInt64) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard start != 0, let actual = startTime(of: pid) else { return true }
        return actual == start
    }

    /// The process's start time in clock ticks after boot (`/proc/<pid>/stat`, field 22), or nil.
    static func startTime(of pid: pid_t) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
