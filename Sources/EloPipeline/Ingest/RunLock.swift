import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One ingest run at a time per output folder: `flock` on a lock file with the holder's PID written inside.
/// The kernel drops a flock when its process dies, so a lock left by a killed run never blocks the next one;
/// the PID inside only names the holder in the message.
public final class RunLock {
    public let url: URL
    private var fd: Int32
    /// The PID found in the lock file when it was taken over from a process that is gone, if any.
    public private(set) var takenOverFrom: Int32?

    /// Takes the lock, or fails at once with a `.locked` failure (`wait == false`), or blocks until it is free;
    /// a lock file that cannot be opened is a `.stopped` failure.
    public init(url: URL, wait: Bool) throws(PipelineFailure) {
        self.url = url
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.cannotOpen(url.path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.readPID(fd)
            guard wait else {
                close(fd)
                throw Self.held(by: holder, lockFile: url.path)
            }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw Self.cannotOpen(url.path, reason: reason)
                }
            }
        }
        if let previous = Self.readPID(fd), previous != getpid(), kill(previous, 0) != 0 {
            takenOverFrom = previous
        }
        ftruncate(fd, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        fsync(fd)
    }

    /// Releases the lock (also released when the process ends, however it ends).
    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    /// Another run holds the lock: names the holder and the lock file.
    private static func held(by pid: Int32?, lockFile: String) -> PipelineFailure {
        let holder = pid.map { "process \($0)" } ?? "another process"
        return PipelineFailure(
            "another elo ingest is running (\(holder), lock \(lockFile)); try later, or pass --wait", kind: .locked)
    }

    /// The lock file cannot be opened or locked: names it, the system's reason and how to fix the permissions.
    private static func cannotOpen(_ path: String, reason: String) -> PipelineFailure {
        let folder = (path as NSString).deletingLastPathComponent
        return PipelineFailure(
            "cannot open the lock file \(path): \(reason) — \(PermissionAdvice.fix(for: folder, write: true))")
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
