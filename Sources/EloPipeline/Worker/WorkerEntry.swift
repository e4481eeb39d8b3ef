import EloCore
import EloExtraction
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The child side of `WorkerProcess`, run by the hidden `elo _worker` subcommand, never in the ingest process.
///
/// `serve` is the long-lived worker: it loads its libraries once (Voikko, dictionaries, ICU), then answers one
/// `WorkerRequest` line per document until its standard input closes. Isolation per document:
/// - CPU time: RLIMIT_CPU counts the whole process, so before each document the worker moves its soft limit to
///   (CPU used so far, rounded up) + the document's budget. A runaway document gets SIGXCPU and the worker dies;
///   the parent reports `ingest.worker-cpu-limit` for that document and starts a fresh worker.
/// - Memory: RLIMIT_AS is set once for the worker; a blow-up kills the worker, with the same outcome.
/// - Wall-clock time: enforced by the parent, which SIGKILLs a worker that does not answer in time.
/// - A worker whose parent died exits: at end of input when idle, within a second when busy.
///
/// `run` reads one file and exits (kept for debugging and for measuring one worker alone).
public enum WorkerEntry {
    /// Exit status when the memory limit was hit in a way the worker could notice itself.
    public static let outOfMemoryExit: Int32 = 3

    /// Serves requests until standard input closes; returns the process exit status. `beforeReading` is called
    /// with each document's path just before it is read (the fault worker of the tests hangs or crashes there).
    public static func serve(memoryMB: Int, beforeReading: (String) -> Void = { _ in }) -> Int32 {
        watchParent()
        limit(resource: RLIMIT_AS, soft: UInt64(memoryMB) << 20, hard: UInt64(memoryMB) << 20)
        // The protocol moves to private descriptors; fd 0 becomes /dev/null and fd 1 goes to standard error, so
        // stray output of a library or a helper process (OCR) can neither corrupt nor hold the conversation.
        let input = dup(0)
        let output = dup(1)
        _ = fcntl(input, F_SETFD, FD_CLOEXEC)
        _ = fcntl(output, F_SETFD, FD_CLOEXEC)
        let null = open("/dev/null", O_RDONLY)
        if null >= 0 {
            dup2(null, 0)
            close(null)
        }
        dup2(2, 1)

        var reader: any DocumentReading
        var readerOCR = OCRSettings(mode: .off)
        do { reader = try WorkerReader.make(ocr: readerOCR) } catch {
            FileHandle.standardError.write(Data("elo worker: cannot set up the reader: \(error)\n".utf8))
            return 1
        }
        var requests = WorkerChannel(fd: input)
        let answers = WorkerChannel(fd: output)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = requests.nextLine() {
            let request: WorkerRequest
            do { request = try decoder.decode(WorkerRequest.self, from: line) } catch {
                FileHandle.standardError.write(Data("elo worker: bad request: \(error)\n".utf8))
                return 1
            }
            let ocr = request.settings.ocr ?? OCRSettings(mode: .off)
            if ocr != readerOCR {
                do { reader = try WorkerReader.make(ocr: ocr) } catch {
                    FileHandle.standardError.write(Data("elo worker: cannot set up the reader: \(error)\n".utf8))
                    return 1
                }
                readerOCR = ocr
            }
            let before = cpuSecondsUsed()
            allowCPU(seconds: request.settings.cpuSeconds, after: before)
            beforeReading(request.path)
            // OCR stops starting pages at 80% of the document's CPU budget, so that the limit never kills it.
            var allowance = request.settings.ocrAllowance
            allowance?.processCPUStop = before + Double(max(1, request.settings.cpuSeconds)) * 0.8
            let document = reader.read(
                URL(fileURLWithPath: request.path), password: request.password, ocrAllowance: allowance,
                limits: request.settings.limits ?? .init())
            let response = WorkerResponse(
                document: document, cpuSeconds: cpuSecondsUsed() - before, peakMemoryMB: peakMemoryMB())
            do {
                // the parent is gone
                guard answers.send(try WorkerWire.encode(response) ?? encoder.encode(response)) else { return 0 }
            } catch {
                FileHandle.standardError.write(Data("elo worker: cannot encode the document: \(error)\n".utf8))
                return 1
            }
        }
        return 0
    }

    /// Reads one file, prints its `Document` as JSON and returns the process exit status.
    public static func run(
        path: String, cpuSeconds: Int, memoryMB: Int, password: String?, beforeReading: (String) -> Void = { _ in }
    ) -> Int32 {
        watchParent()
        letCPULimitSignalThrough()
        limit(resource: RLIMIT_CPU, soft: UInt64(cpuSeconds), hard: UInt64(cpuSeconds) + 2)
        limit(resource: RLIMIT_AS, soft: UInt64(memoryMB) << 20, hard: UInt64(memoryMB) << 20)
        beforeReading(path)
        let document: Document
        do {
            document = try WorkerReader.make().read(
                URL(fileURLWithPath: path), password: password, ocrAllowance: nil, limits: .init())
        } catch {
            FileHandle.standardError.write(Data("elo worker: cannot set up the reader: \(error)\n".utf8))
            return 1
        }
        do {
            var data = try JSONEncoder().encode(document)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
            return 0
        } catch {
            FileHandle.standardError.write(Data("elo worker: cannot encode the document: \(error)\n".utf8))
            return 1
        }
    }

    /// CPU time (user + system) of this process so far.
    public static func cpuSecondsUsed() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Peak resident memory of this process so far, in MiB: `VmHWM` of `/proc/self/status`, this process's own
    /// memory. `ru_maxrss` is not: Linux carries the spawning process's peak into it at `exec` (posix_spawn
    /// shares the parent's memory until then), so a worker of a large parent (a test runner of 300 MB) would
    /// read as over half its limit after every document and be replaced each time.
    static func peakMemoryMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.dropFirst("VmHWM:".count).split(separator: " ").first ?? "")
        {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Moves the RLIMIT_CPU soft limit to `seconds` beyond the CPU already used (never above the hard limit,
    /// which an unprivileged process cannot raise), so the next document gets a budget of its own.
    private static func allowCPU(seconds: Int, after used: Double) {
        letCPULimitSignalThrough()
        var current = rlimit()
        _ = getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &current)
        let soft = UInt64(used.rounded(.up)) + UInt64(max(1, seconds))
        var value = rlimit(rlim_cur: rlim_t(min(soft, UInt64(current.rlim_max))), rlim_max: current.rlim_max)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &value)
    }

    /// SIGXCPU with its default action (end the process) and not blocked: a mask inherited from whoever started
    /// elo (a service manager, a test runner) would otherwise hold the signal back while the kernel keeps
    /// raising the soft limit, and a runaway document would only end at the wall-clock timeout.
    private static func letCPULimitSignalThrough() {
        signal(SIGXCPU, SIG_DFL)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGXCPU)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    private static func limit(resource: __rlimit_resource, soft: UInt64, hard: UInt64) {
        var value = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        _ = setrlimit(__rlimit_resource_t(resource.rawValue), &value)
    }

    /// A worker whose parent died (e.g. `kill -9` of the ingest run) exits instead of reading on.
    private static func watchParent() {
        let parent = getppid()
        Thread.detachNewThread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(70) }
            }
        }
    }
}
