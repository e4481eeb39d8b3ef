import EloCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The child side of `WorkerProcess`: limits itself, reads one file and writes the `Document` as JSON on
/// standard output. Runs in the hidden `elo _worker` subcommand, never in the ingest process itself.
public enum WorkerEntry {
    /// Exit status when the memory limit was hit in a way the worker could notice itself.
    public static let outOfMemoryExit: Int32 = 3

    /// Returns the process exit status.
    public static func run(path: String, cpuSeconds: Int, memoryMB: Int, password: String?) -> Int32 {
        watchParent()
        limit(resource: RLIMIT_CPU, soft: UInt64(cpuSeconds), hard: UInt64(cpuSeconds) + 2)
        limit(resource: RLIMIT_AS, soft: UInt64(memoryMB) << 20, hard: UInt64(memoryMB) << 20)
        injectFaultIfAsked(path: path)
        let document: Document
        do {
            document = try WorkerReader.make().read(URL(fileURLWithPath: path), password: password)
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

    /// Fault injection for the isolation tests, active only with `ELO_WORKER_FAULTS=1`: a file whose name
    /// contains `.hang.`, `.spin.`, `.crash.` or `.hog.` hangs, burns CPU, crashes or allocates without end.
    private static func injectFaultIfAsked(path: String) {
        guard ProcessInfo.processInfo.environment["ELO_WORKER_FAULTS"] == "1" else { return }
        let name = (path as NSString).lastPathComponent
        if name.contains(".hang.") {
            while true { sleep(60) }
        } else if name.contains(".spin.") {
            var x: UInt64 = 1
            while x != 0 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        } else if name.contains(".crash.") {
            signal(SIGSEGV, SIG_DFL)
            raise(SIGSEGV)
        } else if name.contains(".hog.") {
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let block = malloc(64 << 20) else { _exit(outOfMemoryExit) }
                memset(block, 1, 64 << 20)
                blocks.append(block)
            }
        }
    }
}
