/// Per-document limits for the worker processes that read untrusted files (pipeline file `limits:`).
public struct WorkerLimits: Sendable, Hashable, Codable {
    /// Wall-clock time per document before the parent kills the worker.
    public var timeoutSeconds: Double
    /// CPU time each document may use (a per-document RLIMIT_CPU budget inside the long-lived worker).
    public var cpuSeconds: Int
    /// Address space (RLIMIT_AS) a worker may map, in MiB.
    public var memoryMB: Int
    /// Documents one worker reads before it is replaced by a fresh one; 0: never.
    public var documentsPerWorker: Int

    public init(timeoutSeconds: Double = 120, cpuSeconds: Int = 120, memoryMB: Int = 2048, documentsPerWorker: Int = 200) {
        self.timeoutSeconds = timeoutSeconds
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
        self.documentsPerWorker = documentsPerWorker
    }
}
