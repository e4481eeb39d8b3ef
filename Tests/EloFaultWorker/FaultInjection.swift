import EloPipeline
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The faults of the worker-isolation tests, by file name: a file whose name contains `.hang.`, `.spin.`,
/// `.crash.` or `.hog.` hangs, burns CPU, crashes or allocates without end; `.burn.` burns 0.6 s of CPU and then
/// is read normally (the per-document CPU budget); `.slow.` waits 2 s and then is read normally (commit order
/// must not follow timing).
enum FaultInjection {
    static func inject(path: String) {
        let name = (path as NSString).lastPathComponent
        if name.contains(".slow.") {
            Thread.sleep(forTimeInterval: 2)
        } else if name.contains(".burn.") {
            burnCPU(until: WorkerEntry.cpuSecondsUsed() + 0.6)
        } else if name.contains(".hang.") {
            while true { sleep(60) }
        } else if name.contains(".spin.") {
            burnCPU(until: .infinity)
        } else if name.contains(".crash.") {
            signal(SIGSEGV, SIG_DFL)
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGSEGV)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            raise(SIGSEGV)
        } else if name.contains(".hog.") {
            hogMemory()
        }
    }

    private static func burnCPU(until seconds: Double) {
        var x: UInt64 = 1
        while WorkerEntry.cpuSecondsUsed() < seconds {
            for _ in 0..<100_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        }
        if x == 42 { print("") }
    }

    private static func hogMemory() -> Never {
        var blocks: [UnsafeMutableRawPointer] = []
        while true {
            guard let block = malloc(64 << 20) else { _exit(WorkerEntry.outOfMemoryExit) }
            memset(block, 1, 64 << 20)
            blocks.append(block)
        }
    }
}
