import EloClassification
import EloSettings

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
    /// Text and passages kept from one document (`max_text_mb`, `max_passages`).
    public var document: DocumentLimits

    public init(
        timeoutSeconds: Double = 120, cpuSeconds: Int = 120, memoryMB: Int = 2048, documentsPerWorker: Int = 200,
        document: DocumentLimits = .init()
    ) {
        self.timeoutSeconds = timeoutSeconds
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
        self.documentsPerWorker = documentsPerWorker
        self.document = document
    }

    /// The pipeline file's `limits:`, with the defaults for what it leaves out.
    public init(_ given: PipelineFile.Limits) {
        let defaults = WorkerLimits()
        self.init(
            timeoutSeconds: given.timeoutSeconds ?? defaults.timeoutSeconds,
            cpuSeconds: given.cpuSeconds ?? defaults.cpuSeconds,
            memoryMB: given.memoryMB ?? defaults.memoryMB,
            documentsPerWorker: given.documentsPerWorker ?? defaults.documentsPerWorker,
            document: DocumentLimits(
                maxTextMB: given.maxTextMB ?? defaults.document.maxTextMB,
                maxPassages: given.maxPassages ?? defaults.document.maxPassages))
    }

    /// The settings a person changes to raise each limit, as failure reasons name them.
    public struct Names: Sendable, Hashable {
        public var timeout: String
        public var cpu: String
        public var memory: String

        /// `elo ingest`: only the pipeline file sets the limits.
        public static let pipelineFile = Names(
            timeout: "limits.timeout_seconds", cpu: "limits.cpu_seconds", memory: "limits.memory_mb")
        /// `elo extract` and `elo classify`: a flag, or the pipeline file.
        public static let flagOrPipelineFile = Names(
            timeout: "--timeout-seconds or limits.timeout_seconds", cpu: "--cpu-seconds or limits.cpu_seconds",
            memory: "--memory-mb or limits.memory_mb")
    }
}
