import EloPipeline
import EloTestSupport
import Foundation
import Testing

/// EloPipeline's one error type: the run lock and `rebuildSearch` fail with `PipelineFailure`, whose kind decides
/// the exit status (75 another run holds the lock, 1 otherwise) and whose message names the file and what to do.
@Suite struct PipelineFailureTests {
    @Test func aHeldLockIsLockedWithExitStatus75NamingTheHolder() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent(IngestRun.lockFileName)
        let held = try RunLock(url: url, wait: false)
        defer { held.release() }
        #expect {
            try RunLock(url: url, wait: false)
        } throws: { error in
            guard let failure = error as? PipelineFailure else { return false }
            return failure.kind == .locked && failure.exitCode == 75
                && failure.description
                    == "another elo ingest is running (process \(getpid()), lock \(url.path)); try later, or pass --wait"
        }
    }

    @Test func aLockFileThatCannotBeOpenedStopsWithExitStatus1() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("missing/\(IngestRun.lockFileName)")
        let failure = #expect(throws: PipelineFailure.self) { try RunLock(url: url, wait: false) }
        #expect(failure?.kind == .stopped && failure?.exitCode == 1)
        #expect(
            failure?.message.hasPrefix("cannot open the lock file \(url.path): No such file or directory — ") == true,
            "\(failure?.message ?? "")")
    }

    @Test func rebuildingTheSearchIndexOfAMissingIndexStopsNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let index = folder.url.appendingPathComponent(IngestRun.indexFileName)
        let failure = #expect(throws: PipelineFailure.self) { try IndexMaintenance.rebuildSearch(index) }
        #expect(failure?.exitCode == 1)
        #expect(
            failure?.message
                == "\(index.path): there is no index here — check `output:` in the pipeline file or --output")
    }

    @Test func rebuildingTheSearchIndexWhileAnIngestRunsIsLocked() throws {
        let folder = try TemporaryFolder()
        let index = folder.url.appendingPathComponent(IngestRun.indexFileName)
        try Data().write(to: index)
        let held = try RunLock(url: folder.url.appendingPathComponent(IngestRun.lockFileName), wait: false)
        defer { held.release() }
        let failure = #expect(throws: PipelineFailure.self) { try IndexMaintenance.rebuildSearch(index) }
        #expect(failure?.kind == .locked && failure?.exitCode == 75)
        #expect(failure?.message.hasPrefix("another elo ingest is running (process \(getpid())") == true)
    }
}
