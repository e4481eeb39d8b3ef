import EloCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the hidden `_worker` subcommand of the elo binary on one file and collects the `Document` it prints
/// as JSON. The child imposes its own CPU and memory limits; the parent enforces the wall-clock timeout with
/// SIGKILL. Every way the child can go wrong becomes a `WorkerOutcome.failure` with a reason, never a throw.
public struct WorkerProcess: Sendable {
    public var executable: URL
    public var limits: WorkerLimits
    /// Extra environment for the child (tests use it to switch on fault injection).
    public var environment: [String: String]

    public init(executable: URL, limits: WorkerLimits, environment: [String: String] = [:]) {
        self.executable = executable
        self.limits = limits
        self.environment = environment
    }

    /// What came back from one worker.
    public enum Outcome: Sendable {
        case document(Document)
        /// `id` is a stable diagnostic id (`ingest.worker-timeout`, `ingest.worker-crashed`, …).
        case failure(id: String, reason: String)
    }

    private static let spawnLock = NSLock()

    public func read(_ url: URL, password: String?) -> Outcome {
        let arguments = [
            executable.path, "_worker", "--cpu-seconds", String(limits.cpuSeconds),
            "--memory-mb", String(limits.memoryMB), url.path,
        ]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["ELO_WORKER_PASSWORD"] = password
        if password == nil { env.removeValue(forKey: "ELO_WORKER_PASSWORD") }

        // Pipes are made close-on-exec and spawned under one lock, so no child inherits another's pipe
        // (which would keep that pipe open after its own worker exits).
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        Self.spawnLock.lock()
        guard pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            Self.spawnLock.unlock()
            return .failure(id: "ingest.worker-spawn", reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        Self.spawnLock.unlock()
        close(stdoutPipe[1])
        close(stderrPipe[1])
        defer {
            close(stdoutPipe[0])
            close(stderrPipe[0])
        }
        guard spawned == 0 else {
            return .failure(
                id: "ingest.worker-spawn",
                reason: "cannot start the worker \(executable.path): \(String(cString: strerror(spawned)))")
        }

        let (output, errors, timedOut) = collect(stdout: stdoutPipe[0], stderr: stderrPipe[0], pid: pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return interpret(status: status, timedOut: timedOut, output: output, errors: errors)
    }

    /// Reads both pipes until they close or the deadline passes (then kills the child).
    private func collect(stdout: Int32, stderr: Int32, pid: pid_t) -> (Data, Data, Bool) {
        let deadline = Date().addingTimeInterval(limits.timeoutSeconds)
        var output = Data()
        var errors = Data()
        var open: [Int32] = [stdout, stderr]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                kill(pid, SIGKILL)
                return (output, errors, true)
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                kill(pid, SIGKILL)
                return (output, errors, false)
            }
            for entry in fds where entry.revents != 0 {
                let count = Glibc.read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == stdout {
                        output.append(contentsOf: buffer[0..<count])
                    } else if errors.count < 65536 {
                        errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (output, errors, false)
    }

    private func interpret(status: Int32, timedOut: Bool, output: Data, errors: Data) -> Outcome {
        let stderrTail = String(decoding: errors.suffix(400), as: UTF8.self)
            .split(separator: "\n").last.map(String.init) ?? ""
        if timedOut {
            return .failure(
                id: "ingest.worker-timeout",
                reason: "reading took longer than \(Int(limits.timeoutSeconds)) s (limits.timeout_seconds) and was stopped")
        }
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        if signalled {
            let signal = status & 0x7f
            if signal == SIGXCPU || signal == SIGKILL {
                return .failure(
                    id: "ingest.worker-cpu-limit",
                    reason: "reading used more than \(limits.cpuSeconds) s of CPU time (limits.cpu_seconds) and was stopped")
            }
            return .failure(
                id: "ingest.worker-crashed",
                reason: "the reader crashed (signal \(signal)) — a damaged file, or more than \(limits.memoryMB) MB of memory (limits.memory_mb)"
                    + (stderrTail.isEmpty ? "" : ": \(stderrTail)"))
        }
        let code = (status >> 8) & 0xff
        guard code == 0 else {
            let memory = stderrTail.localizedCaseInsensitiveContains("memory") || code == WorkerEntry.outOfMemoryExit
            return .failure(
                id: memory ? "ingest.worker-memory-limit" : "ingest.worker-crashed",
                reason: memory
                    ? "reading needed more than \(limits.memoryMB) MB of memory (limits.memory_mb) and was stopped"
                    : "the reader exited with status \(code)" + (stderrTail.isEmpty ? "" : ": \(stderrTail)"))
        }
        do {
            return .document(try JSONDecoder().decode(Document.self, from: output))
        } catch {
            return .failure(id: "ingest.worker-output", reason: "the reader's output could not be decoded: \(error)")
        }
    }
}
