import EloCore
import EloExtraction
import EloNormalisation
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One long-lived `elo _worker --serve` child, owned by one ingest thread: started on first use, fed one
/// document at a time, and replaced whenever it dies. Loading the reader's libraries (Voikko, dictionaries,
/// ICU) once per worker instead of once per document is what makes ingest keep pace with `pdftotext`.
///
/// Every way a document can go wrong becomes `Outcome.failure` with a reason, never a throw:
/// - no answer within `limits.timeoutSeconds`: the worker is killed (SIGKILL) → `ingest.worker-timeout`;
/// - the worker dies mid-document (SIGXCPU from its per-document CPU budget, a crash, RLIMIT_AS) →
///   `ingest.worker-cpu-limit`, `ingest.worker-crashed` or `ingest.worker-memory-limit`.
/// The next document then gets a fresh worker. A worker is also recycled after
/// `limits.documentsPerWorker` documents (0: never) and when its resident memory passed half of
/// `limits.memoryMB`, so one leaky or fragmented heap cannot fail innocent documents later.
///
/// Not thread-safe: one instance per thread. Call `shutdown()` (or let it deinit) to end the worker.
public final class WorkerProcess {
    public let executable: URL
    public let limits: WorkerLimits
    /// Extra environment for the child (tests use it to switch on fault injection).
    public let environment: [String: String]
    /// Workers started so far (a fresh one after each failure or recycling).
    public private(set) var started = 0
    /// The highest peak resident memory any of this instance's workers reported, in MiB.
    public private(set) var peakMemoryMB: Double = 0

    private var child: Child?

    /// A running worker: its PID, the socket carrying requests and answers, and its standard error.
    private struct Child {
        var pid: pid_t
        var channel: WorkerChannel
        var stderr: Int32?
        var served = 0
    }

    /// What came back for one document.
    public enum Outcome: Sendable {
        case document(Document)
        /// `id` is a stable diagnostic id (`ingest.worker-timeout`, `ingest.worker-crashed`, …).
        case failure(id: String, reason: String)
    }

    /// OCR settings sent with every document; OCR adds its own document timeout to the wall-clock limit.
    public var ocr = OCRSettings(mode: .off)
    /// Where the person who reads a failure changes the limit it hit (the pipeline file, or also a flag).
    public var limitNames = WorkerLimits.Names.pipelineFile

    public init(executable: URL, limits: WorkerLimits, environment: [String: String] = [:]) {
        self.executable = executable
        self.limits = limits
        self.environment = environment
    }

    deinit { shutdown() }

    private static let spawnLock = NSLock()

    /// The document the worker is reading: when its answer is due, or why it could not be handed over.
    private enum InFlight {
        case reading(deadline: Date)
        case notSent(Outcome)
    }

    private var inFlight: InFlight?

    /// Reads one file in the worker (starting one if needed): `start` then `finish`.
    public func read(_ url: URL, password: String?, ocrAllowance: OCRAllowance? = nil) -> Outcome {
        start(url, password: password, ocrAllowance: ocrAllowance)
        return finish()
    }

    /// Hands one file to the worker (starting one if needed) and returns at once: the caller can do other
    /// work (commit the previous document) while the worker reads, then collects the answer with `finish`.
    /// One document at a time: every `start` is followed by `finish` before the next `start`. `ocrAllowance`
    /// bounds the document's OCR (its seconds are added to the wall-clock limit); nil: `ocr.documentTimeout`.
    public func start(_ url: URL, password: String?, ocrAllowance: OCRAllowance? = nil) {
        precondition(inFlight == nil, "WorkerProcess.start called twice without finish")
        let ocrOn = ocr.mode != .off
        let request = WorkerRequest(
            path: url.path, password: password,
            settings: .init(
                cpuSeconds: limits.cpuSeconds, ocr: ocrOn ? ocr : nil, ocrAllowance: ocrOn ? ocrAllowance : nil,
                limits: limits.document))
        // OCR time on top of the reading's own limit, and a few seconds to stop the page in progress.
        let ocrSeconds = ocrOn ? (ocrAllowance.map { $0.seconds + 5 } ?? ocr.documentTimeout) : 0
        let line: Data
        do { line = try JSONEncoder().encode(request) } catch {
            inFlight = .notSent(.failure(id: "ingest.worker-request", reason: "cannot encode the request: \(error)"))
            return
        }
        // A worker that died while idle (e.g. killed from outside) is replaced once before giving up.
        for attempt in 0..<2 {
            if child == nil, let failure = spawn() {
                inFlight = .notSent(failure)
                return
            }
            guard let current = child else { break }
            let deadline = Date().addingTimeInterval(limits.timeoutSeconds + ocrSeconds)
            guard current.channel.send(line) else {
                _ = reap(current, killFirst: true)
                child = nil
                if attempt == 0 { continue }
                inFlight = .notSent(
                    .failure(id: "ingest.worker-unavailable", reason: "the worker stopped accepting documents"))
                return
            }
            inFlight = .reading(deadline: deadline)
            return
        }
        inFlight = .notSent(.failure(id: "ingest.worker-unavailable", reason: "the worker could not be started"))
    }

    /// Waits for the answer to the document handed over by `start` (until its deadline).
    public func finish() -> Outcome {
        guard let pending = inFlight else { preconditionFailure("WorkerProcess.finish called without start") }
        inFlight = nil
        let deadline: Date
        switch pending {
        case .notSent(let failure): return failure
        case .reading(let due): deadline = due
        }
        guard var current = child else {
            return .failure(id: "ingest.worker-unavailable", reason: "the worker could not be started")
        }
        var errors = Data()
        let event = current.channel.nextLine(
            deadline: deadline, drain: &current.stderr, drained: &errors, maxLineBytes: limits.document.maxAnswerBytes)
        child = current
        switch event {
        case .line(let data):
            return answer(data)
        case .timedOut:
            _ = reap(current, killFirst: true)
            child = nil
            return .failure(
                id: "ingest.worker-timeout",
                reason:
                    "timed out: reading took longer than \(Self.seconds(limits.timeoutSeconds)) s (\(limitNames.timeout)) and was stopped"
            )
        case .tooLong:
            _ = reap(current, killFirst: true)
            child = nil
            return .failure(
                id: "ingest.worker-output",
                reason: "the reader's answer is larger than \(limits.document.maxAnswerBytes >> 20) MB, more than "
                    + "limits.max_text_mb and limits.max_passages allow, and was not read")
        case .endOfFile:
            let status = reap(current, killFirst: false, errors: &errors)
            child = nil
            return interpret(status: status, errors: errors)
        }
    }

    /// Ends the worker: closes its input (it exits at end of input), then waits for it. A worker still
    /// reading a document nobody will collect is killed.
    public func shutdown() {
        var reading = false
        if case .reading = inFlight { reading = true }
        inFlight = nil
        guard let current = child else { return }
        child = nil
        Glibc.shutdown(current.channel.fd, Int32(SHUT_WR))
        _ = reap(current, killFirst: reading)
    }

    private func answer(_ data: Data) -> Outcome {
        let response: WorkerResponse
        do { response = try WorkerWire.decode(data) ?? JSONDecoder().decode(WorkerResponse.self, from: data) } catch {
            shutdown()
            return .failure(id: "ingest.worker-output", reason: "the reader's answer could not be decoded: \(error)")
        }
        peakMemoryMB = max(peakMemoryMB, response.peakMemoryMB)
        child?.served += 1
        if let served = child?.served,
            (limits.documentsPerWorker > 0 && served >= limits.documentsPerWorker)
                || response.peakMemoryMB > Double(limits.memoryMB) / 2
        {
            shutdown()
        }
        return .document(Self.bounded(response.document, limits: limits.document))
    }

    /// The worker keeps a document within `limits.maxPassages` itself; this makes sure of it on the parent's side.
    static func bounded(_ document: Document, limits: DocumentLimits) -> Document {
        guard document.passages.count > limits.maxPassages else { return document }
        var bounded = document
        let first = document.passages[limits.maxPassages]
        bounded.passages.removeSubrange(limits.maxPassages...)
        bounded.diagnostics.append(
            DocumentNormaliser.passageLimit(document.path, limit: limits.maxPassages, page: first.page))
        if bounded.status == .ok { bounded.status = .partial }
        return bounded
    }

    /// Worker processes alive, for `killAll`.
    private static let running = Mutex<Set<pid_t>>([])

    /// Kills every worker process (a stop was asked: their readings will not be committed).
    static func killAll() {
        for pid in running.withLock({ $0 }) { kill(pid, SIGKILL) }
    }

    /// Starts a worker; returns a failure outcome when it cannot be started.
    private func spawn() -> Outcome? {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env.removeValue(forKey: "ELO_WORKER_PASSWORD")
        let arguments = [executable.path, "_worker", "--serve", "--memory-mb", String(limits.memoryMB)]

        // Descriptors are made close-on-exec and spawned under one lock, so no worker inherits another's
        // socket (which would keep it open after its own worker exits).
        var sockets: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        Self.spawnLock.lock()
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) == 0 else {
            Self.spawnLock.unlock()
            return .failure(
                id: "ingest.worker-spawn", reason: "cannot create a socket: \(String(cString: strerror(errno)))")
        }
        guard pipe(&errors) == 0 else {
            Self.spawnLock.unlock()
            for socket in sockets { close(socket) }
            return .failure(
                id: "ingest.worker-spawn", reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for fd in sockets + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, sockets[1], 0)
        posix_spawn_file_actions_adddup2(&actions, sockets[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for variable in envp { free(variable) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        Self.spawnLock.unlock()
        close(sockets[1])
        close(errors[1])
        guard spawned == 0 else {
            close(sockets[0])
            close(errors[0])
            return .failure(
                id: "ingest.worker-spawn",
                reason: "cannot start the worker \(executable.path): \(String(cString: strerror(spawned)))")
        }
        started += 1
        Self.running.withLock { _ = $0.insert(pid) }
        child = Child(pid: pid, channel: WorkerChannel(fd: sockets[0]), stderr: errors[0])
        return nil
    }

    private func reap(_ current: Child, killFirst: Bool) -> Int32 {
        var ignored = Data()
        return reap(current, killFirst: killFirst, errors: &ignored)
    }

    /// Waits for the worker to exit (killing it first, or after 5 s of grace) and closes its descriptors.
    /// Returns the wait status; what is left on its standard error is appended to `errors`.
    private func reap(_ current: Child, killFirst: Bool, errors: inout Data) -> Int32 {
        if killFirst { kill(current.pid, SIGKILL) }
        var status: Int32 = 0
        let grace = Date().addingTimeInterval(5)
        while true {
            let result = waitpid(current.pid, &status, WNOHANG)
            if result == current.pid || (result == -1 && errno != EINTR) {
                Self.running.withLock { _ = $0.remove(current.pid) }
                break
            }
            if Date() > grace { kill(current.pid, SIGKILL) }
            usleep(2_000)
        }
        if let stderr = current.stderr {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            _ = fcntl(stderr, F_SETFL, fcntl(stderr, F_GETFL) | O_NONBLOCK)
            while errors.count < 65536 {
                let count = Glibc.read(stderr, &chunk, chunk.count)
                guard count > 0 else { break }
                errors.append(contentsOf: chunk[0..<count])
            }
            close(stderr)
        }
        close(current.channel.fd)
        return status
    }

    private func interpret(status: Int32, errors: Data) -> Outcome {
        let stderrTail =
            String(decoding: errors.suffix(400), as: UTF8.self)
            .split(separator: "\n").last.map(String.init) ?? ""
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        if signalled {
            let signal = status & 0x7f
            if signal == SIGXCPU {
                return .failure(
                    id: "ingest.worker-cpu-limit",
                    reason:
                        "timed out: reading used more than \(limits.cpuSeconds) s of CPU time (\(limitNames.cpu)) and was stopped"
                )
            }
            return .failure(
                id: "ingest.worker-crashed",
                reason:
                    "the reader crashed (signal \(signal)) — a damaged file, or more than \(limits.memoryMB) MB of memory (\(limitNames.memory))"
                    + (stderrTail.isEmpty ? "" : ": \(stderrTail)"))
        }
        let code = (status >> 8) & 0xff
        let memory = stderrTail.localizedCaseInsensitiveContains("memory") || code == WorkerEntry.outOfMemoryExit
        if memory {
            return .failure(
                id: "ingest.worker-memory-limit",
                reason:
                    "out of memory: reading needed more than \(limits.memoryMB) MB (\(limitNames.memory)) and was stopped"
            )
        }
        return .failure(
            id: "ingest.worker-crashed",
            reason: "the reader exited with status \(code) before answering"
                + (stderrTail.isEmpty ? "" : ": \(stderrTail)"))
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
