/// Per-document limits for the worker process that reads one untrusted file (pipeline file `limits:`).
public struct WorkerLimits: Sendable, Hashable, Codable {
    /// Wall-clock time before the parent kills the worker.
    public var timeoutSeconds: Double
    /// CPU time (RLIMIT_CPU) the worker may use.
    public var cpuSeconds: Int
    /// Address space (RLIMIT_AS) the worker may map, in MiB.
    public var memoryMB: Int

    public init(timeoutSeconds: Double = 120, cpuSeconds: Int = 120, memoryMB: Int = 2048) {
        self.timeoutSeconds = timeoutSeconds
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
    }
}
