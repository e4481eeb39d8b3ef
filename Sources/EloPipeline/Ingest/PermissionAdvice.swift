import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What to do about a file or folder the job may not read or write: names the user the job runs as (cron and
/// systemd often run it as another user than the one who set it up) and the command that gives access.
public enum PermissionAdvice {
    /// The user this process runs as, by name when the system knows it.
    public static var currentUser: String {
        let uid = getuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }

    /// "elo runs as user X: give it write access, e.g. `sudo chown -R X PATH`" (or read access).
    public static func fix(for path: String, write: Bool) -> String {
        let user = currentUser
        let access = write ? "write" : "read"
        return "elo runs as user \(user): give that user \(access) access, e.g. `sudo chown -R \(user) \(path)`"
            + " or `sudo chmod -R u+\(write ? "rwX" : "rX") \(path)`, or run the job as the folder's owner (`User=` in the systemd unit)"
    }

    /// Whether `error` (Foundation's or POSIX's) means "permission denied" or a read-only file system.
    public static func isPermissionProblem(_ error: any Error) -> Bool {
        let error = error as NSError
        if error.domain == NSCocoaErrorDomain,
            [NSFileWriteNoPermissionError, NSFileReadNoPermissionError, NSFileWriteVolumeReadOnlyError].contains(
                error.code)
        {
            return true
        }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return [EACCES, EPERM, EROFS].contains(Int32(underlying.code))
        }
        return error.domain == NSPOSIXErrorDomain && [EACCES, EPERM, EROFS].contains(Int32(error.code))
    }
}
