import EloCore
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// `elo extract` and `elo classify` read each file in a worker process with time, CPU and memory limits, as
/// `elo ingest` does: a runaway file ends as `failed` and the files after it are read.
///
/// The runaway readers come from the worker's fault seam (`elo-fault-worker` as the worker: a file named `*.hang.*` never
/// answers, `*.spin.*` burns CPU without end, `*.hog.*` allocates without end).
@Suite(.serialized, .enabled(if: CommandRunner.available, "the elo executable is not built next to the tests"))
struct BoundedReadingTests {
    static let faults = FaultWorker.environment
    static let text = "Ohjauksen kehittäminen\n\nAlueen ohjauspalvelujen laadun arviointi aloitetaan ensi vuonna.\n"

    struct Output: Decodable { var documents: [Document] }

    /// A folder with the given text files (and the classify fixture's pipeline and label set).
    static func folder(_ names: [String]) throws -> TemporaryFolder {
        let folder = try ClassifyEvalCommandTests.fixture()
        for name in names { try folder.write(Data(text.utf8), to: name) }
        return folder
    }

    /// Runs elo and returns its decoded `--json` documents and how long it took.
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> (
        CommandRunner.Result, [Document], TimeInterval
    ) {
        let started = Date()
        let result = try CommandRunner.run(arguments, in: folder.url, environment: faults)
        let elapsed = Date().timeIntervalSince(started)
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        return (result, output.documents, elapsed)
    }

    static func failure(_ document: Document) -> String {
        document.diagnostics.map(\.message).joined(separator: "; ")
    }

    @Test func extractStopsAHangingFileAtItsTimeoutAndReadsTheOthers() throws {
        let folder = try Self.folder(["before.txt", "bomb.hang.txt", "after.txt"])
        let (result, documents, elapsed) = try Self.run(
            ["extract", "--json", "--jobs", "1", "--timeout-seconds", "1", "before.txt", "bomb.hang.txt", "after.txt"],
            in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(elapsed < 30, "returned after \(elapsed) s; the limit is 1 s")
        #expect(documents.map(\.path) == ["before.txt", "bomb.hang.txt", "after.txt"])
        #expect(documents.map(\.status) == [.ok, .failed, .ok])
        #expect(Self.failure(documents[1]).hasPrefix("timed out"), "\(Self.failure(documents[1]))")
        #expect(Self.failure(documents[1]).contains("--timeout-seconds"))
        #expect(documents[1].diagnostics.first?.id == "ingest.worker-timeout")
        #expect(!documents[2].passages.isEmpty, "the file after the runaway one is read")
    }

    @Test func extractStopsAFileThatNeedsTooMuchMemory() throws {
        let folder = try Self.folder(["bomb.hog.txt", "after.txt"])
        let (result, documents, _) = try Self.run(
            ["extract", "--json", "--jobs", "1", "--memory-mb", "256", "bomb.hog.txt", "after.txt"], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(documents.map(\.status) == [.failed, .ok])
        #expect(Self.failure(documents[0]).hasPrefix("out of memory"), "\(Self.failure(documents[0]))")
    }

    @Test func classifyTakesTheLimitsOfThePipelineFile() throws {
        let folder = try Self.folder(["bomb.spin.txt", "after.txt"])
        try folder.write(
            Data("label_sets:\n  - demo.yaml\nlimits: {timeout_seconds: 30, cpu_seconds: 1}\n".utf8), to: "p.yaml")
        let (result, documents, elapsed) = try Self.run(
            ["classify", "--json", "--jobs", "1", "--pipeline", "p.yaml", "bomb.spin.txt", "after.txt"], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(elapsed < 25, "returned after \(elapsed) s; the CPU limit is 1 s")
        #expect(documents.map(\.status) == [.failed, .ok])
        #expect(documents[0].diagnostics.first?.id == "ingest.worker-cpu-limit")
        #expect(Self.failure(documents[0]).hasPrefix("timed out"), "\(Self.failure(documents[0]))")
        #expect(
            documents[1].passages.contains { $0.labels?.map(\.id) == ["demo.laatu"] }, "the next file is classified")
    }

    @Test func badLimitFlagsAreBadArguments() throws {
        let folder = try Self.folder(["after.txt"])
        let result = try CommandRunner.run(["extract", "--memory-mb", "10", "after.txt"], in: folder.url)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--memory-mb must be from 256"))
    }
}
