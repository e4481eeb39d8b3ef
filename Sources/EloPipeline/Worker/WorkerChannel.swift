import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Newline-framed messages over a file descriptor, for both ends of the worker conversation
/// (`WorkerRequest` / `WorkerResponse` lines). Reading can wait with a deadline while also draining a second
/// descriptor (the worker's standard error), so a chatty child never blocks on a full pipe.
struct WorkerChannel {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// Where the search for the next newline resumes (bytes before it hold none).
    private var scanned = 0

    init(fd: Int32) {
        self.fd = fd
    }

    /// What waiting for a line produced.
    enum Event {
        case line(Data)
        /// The other end closed (the worker exited or crashed, or the parent finished).
        case endOfFile
        case timedOut
        /// More than `maxLineBytes` arrived without a line end: the rest is not read.
        case tooLong
    }

    /// Waits for the next whole line until `deadline` (nil: no deadline), of at most `maxLineBytes` (nil: any
    /// length). Bytes arriving on `drain` meanwhile are appended to `drained`, keeping at most its last
    /// `drainLimit` bytes; `drain` is set to nil once it closes.
    mutating func nextLine(
        deadline: Date?, drain: inout Int32?, drained: inout Data, drainLimit: Int = 65536,
        maxLineBytes: Int? = nil
    ) -> Event {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let line = takeLine() {
                if let maxLineBytes, line.count > maxLineBytes { return .tooLong }
                return .line(line)
            }
            if let maxLineBytes, buffer.count > maxLineBytes { return .tooLong }
            var timeout: Int32 = -1
            // Past the deadline, an answer that is already arriving is still taken (the reader may have
            // finished while the caller was busy elsewhere, its answer waiting in the socket); a reader that
            // sends nothing within a short grace has timed out.
            var overdue = false
            if let deadline {
                let remaining = deadline.timeIntervalSinceNow
                if remaining <= 0 {
                    overdue = true
                    timeout = 100
                } else {
                    timeout = Int32(min(remaining, 1) * 1000) + 1
                }
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            if let drain { fds.append(pollfd(fd: drain, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfFile
            }
            if fds.count > 1, fds[1].revents != 0, let source = drain {
                let count = read(source, &chunk, chunk.count)
                if count > 0 {
                    drained.append(contentsOf: chunk[0..<count])
                    if drained.count > drainLimit { drained = drained.suffix(drainLimit) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    drain = nil
                }
            }
            if overdue && fds[0].revents == 0 { return .timedOut }
            if fds[0].revents != 0 {
                let count = read(fd, &chunk, chunk.count)
                if count > 0 {
                    buffer.append(contentsOf: chunk[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    return .endOfFile
                }
            }
        }
    }

    /// Waits without a deadline and without draining anything (the worker's side).
    mutating func nextLine() -> Data? {
        var none: Int32?
        var ignored = Data()
        if case .line(let line) = nextLine(deadline: nil, drain: &none, drained: &ignored) { return line }
        return nil
    }

    private mutating func takeLine() -> Data? {
        guard let end = buffer[scanned...].firstIndex(of: 0x0A) else {
            scanned = buffer.count
            return nil
        }
        let line = Data(buffer[0..<end])
        buffer.removeSubrange(0...end)
        scanned = 0
        return line
    }

    /// Writes all of `data` (a newline is appended). Never raises SIGPIPE on a socket whose reader is gone:
    /// returns false instead. (A descriptor that is not a socket — a worker run by hand with its output in a
    /// file or pipe — is written to plainly.)
    func send(_ data: Data) -> Bool {
        var message = data
        message.append(0x0A)
        return message.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var left = raw.count
            while left > 0 {
                var written = Glibc.send(fd, pointer, left, Int32(MSG_NOSIGNAL))
                if written < 0 && errno == ENOTSOCK { written = Glibc.write(fd, pointer, left) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += written
                left -= written
            }
            return true
        }
    }
}
