import EloCore
import EloPipeline
import EloTestSupport
import Foundation
import Testing

/// The long-lived worker processes on their own: one process reads many documents, each document gets its own
/// CPU budget, and a hung, crashed, greedy or spinning document costs only that document and that process.
@Suite("worker processes", .serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built"))
struct WorkerProcessTests {
    /// `memory` 1024: a worker of the debug binary peaks at 190–270 MB of its own before reading anything (poppler,
    /// ICU, Voikko and the rest of the binary mapped), and one past half its limit is replaced after the document —
    /// with 512 every worker was replaced after every document in a busy full test run.
    static func worker(
        timeout: Double = 10, cpu: Int = 2, memory: Int = 1024, perWorker: Int = 0, faults: Bool = true
    ) -> WorkerProcess {
        WorkerProcess(
            executable: faults ? FaultWorker.executable! : IngestFixture.executable!,
            limits: WorkerLimits(
                timeoutSeconds: timeout, cpuSeconds: cpu, memoryMB: memory, documentsPerWorker: perWorker))
    }

    static func texts(_ names: [String]) throws -> (TemporaryFolder, [URL]) {
        let folder = try TemporaryFolder(prefix: "elo-worker")
        let urls = try names.map { name in
            try folder.write(Data("Lapin suunnitelma \(name)\n\nOhjauspalvelut kehittyvät.\n".utf8), to: name)
        }
        return (folder, urls)
    }

    static func failureID(_ outcome: WorkerProcess.Outcome) -> String? {
        if case .failure(let id, _) = outcome { return id }
        return nil
    }

    @Test func oneProcessReadsManyDocuments() throws {
        let (folder, urls) = try Self.texts((0..<12).map { "doc-\($0).txt" })
        _ = folder
        let worker = Self.worker()
        defer { worker.shutdown() }
        for url in urls {
            guard case .document(let document) = worker.read(url, password: nil) else {
                Issue.record("\(url.lastPathComponent) was not read")
                continue
            }
            #expect(document.status == .ok)
            #expect(document.passages.contains { $0.text.contains(url.deletingPathExtension().lastPathComponent) })
        }
        #expect(worker.started == 1)
        #expect(worker.peakMemoryMB > 1)
    }

    @Test func recyclesAfterTheConfiguredNumberOfDocuments() throws {
        let (folder, urls) = try Self.texts((0..<7).map { "doc-\($0).txt" })
        _ = folder
        let worker = Self.worker(perWorker: 3)
        defer { worker.shutdown() }
        for url in urls { #expect(Self.failureID(worker.read(url, password: nil)) == nil) }
        #expect(worker.started == 3)
    }

    /// Three documents of 0.6 s CPU each in one worker with a 1 s budget: each fits its own budget, although
    /// together they use more than one budget, so the limit is per document, not per process.
    @Test func cpuBudgetIsPerDocument() throws {
        let (folder, urls) = try Self.texts(["a.burn.txt", "b.burn.txt", "c.burn.txt", "d.spin.txt", "e.txt"])
        _ = folder
        let worker = Self.worker(timeout: 20, cpu: 1)
        defer { worker.shutdown() }
        for url in urls.prefix(3) { #expect(Self.failureID(worker.read(url, password: nil)) == nil) }
        #expect(worker.started == 1)
        #expect(Self.failureID(worker.read(urls[3], password: nil)) == "ingest.worker-cpu-limit")
        #expect(Self.failureID(worker.read(urls[4], password: nil)) == nil)
        #expect(worker.started == 2)
    }

    @Test(arguments: [
        ("x.hang.txt", "ingest.worker-timeout"),
        ("x.crash.txt", "ingest.worker-crashed"),
        ("x.hog.txt", "ingest.worker-memory-limit"),
    ])
    func aBadDocumentCostsOnlyItselfAndItsProcess(name: String, id: String) throws {
        let (folder, urls) = try Self.texts(["before.txt", name, "after.txt"])
        _ = folder
        let worker = Self.worker(timeout: 4)
        defer { worker.shutdown() }
        #expect(Self.failureID(worker.read(urls[0], password: nil)) == nil)
        let started = Date()
        #expect(Self.failureID(worker.read(urls[1], password: nil)) == id)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(Self.failureID(worker.read(urls[2], password: nil)) == nil)
        #expect(worker.started == 2)
    }

    /// Ingest hands the next document to the worker, then commits the previous one: an answer that was ready
    /// before the deadline but is collected after it still counts; a hung document still times out; and a
    /// worker shut down while reading is killed rather than waited for.
    @Test func answersCollectedLateStillCountAndHungDocumentsStillTimeOut() throws {
        let (folder, urls) = try Self.texts(["a.txt", "b.hang.txt", "c.txt", "d.hang.txt"])
        _ = folder
        let worker = Self.worker(timeout: 1)
        defer { worker.shutdown() }
        worker.start(urls[0], password: nil)
        Thread.sleep(forTimeInterval: 1.6)  // "committing" the document before, past a.txt's deadline
        guard case .document(let document) = worker.finish() else {
            Issue.record("a ready answer collected after its deadline was thrown away")
            return
        }
        #expect(document.passages.contains { $0.text.contains("a.txt") })
        worker.start(urls[1], password: nil)
        Thread.sleep(forTimeInterval: 1.6)
        #expect(Self.failureID(worker.finish()) == "ingest.worker-timeout")
        #expect(Self.failureID(worker.read(urls[2], password: nil)) == nil)
        #expect(worker.started == 2)
        worker.start(urls[3], password: nil)
        let stopping = Date()
        worker.shutdown()
        #expect(Date().timeIntervalSince(stopping) < 3, "a worker busy with a document nobody collects is killed")
    }

    @Test func aWorkerKilledWhileIdleIsReplacedWithoutFailingTheNextDocument() throws {
        let (folder, urls) = try Self.texts(["a.txt", "b.txt"])
        _ = folder
        let worker = Self.worker()
        defer { worker.shutdown() }
        #expect(Self.failureID(worker.read(urls[0], password: nil)) == nil)
        let pids = try WorkerProcessTests.workerPIDs(marker: nil)
        for pid in pids where Self.parent(of: pid) == getpid() { kill(pid, SIGKILL) }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(Self.failureID(worker.read(urls[1], password: nil)) == nil)
        #expect(worker.started == 2)
    }

    /// `kill -9` of the ingest run: idle workers see their input close, busy ones notice the parent is gone.
    @Test func workersExitWhenTheRunIsKilled() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 60, cpu_seconds: 60, memory_mb: 768}", workers: 2)
        // `.slow.`: the first worker is still reading when the test looks (a quick read let it finish and exit
        // before both workers were seen, on a loaded machine).
        try fixture.put("Lapin suunnitelma\n\nHyvä.\n", at: "lappi/a.slow.txt")
        try fixture.put("Lapin suunnitelma\n\nJumittaa.\n", at: "lappi/b.hang.txt")
        let marker = UUID().uuidString
        let process = try fixture.start(
            environment: FaultWorker.environment.merging(["ELO_TEST_MARKER": marker]) { first, _ in first })
        try process.run()
        var seen: [pid_t] = []
        for _ in 0..<100 where seen.count < 2 {
            Thread.sleep(forTimeInterval: 0.1)
            seen = try Self.workerPIDs(marker: marker)
        }
        #expect(seen.count == 2, "expected two workers, saw \(seen)")
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var left = seen
        for _ in 0..<50 where !left.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            left = try Self.workerPIDs(marker: marker)
        }
        #expect(left.isEmpty, "workers still running after the run was killed: \(left)")
    }

    /// PIDs of running `elo _worker` processes (with `ELO_TEST_MARKER=marker` in their environment, if given).
    static func workerPIDs(marker: String?) throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                String(decoding: command, as: UTF8.self).contains("_worker\u{0}--serve"),
                !(String(
                    decoding: (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/stat"))) ?? Data(),
                    as: UTF8.self
                )
                .contains(") Z "))
            else { return nil }
            if let marker {
                let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ") ?? Data()
                guard String(decoding: environment, as: UTF8.self).contains("ELO_TEST_MARKER=\(marker)") else {
                    return nil
                }
            }
            return pid
        }
    }

    static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return nil }
        let fields = stat[close.upperBound...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }
}
