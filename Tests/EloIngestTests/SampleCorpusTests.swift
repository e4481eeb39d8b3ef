import EloTestSupport
import Foundation
import GRDB
import Testing

/// What an analyst does with the index built from the sample corpus (`corpus/inbox`, `pipelines/elo-2014.yaml`):
/// the README's SQL example runs, and `elo search` bolds matches on a terminal only when escapes are welcome.
@Suite(.serialized, .enabled(if: IngestFixture.executable != nil, "elo binary not built"))
struct SampleCorpusTests {
    static let pipeline = IngestFixture.repository.appendingPathComponent("pipelines/elo-2014.yaml").path

    /// The sample corpus ingested once into a temporary output folder, shared by the tests of this suite.
    static let output: Result<TemporaryFolder, any Error> = Result {
        let folder = try TemporaryFolder(prefix: "elo-sample")
        let process = Process()
        process.executableURL = IngestFixture.executable
        process.arguments = ["ingest", "--pipeline", pipeline, "--output", folder.url.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // 2: the sample corpus holds a broken file on purpose.
        guard [0, 2].contains(process.terminationStatus) else { throw CocoaError(.fileWriteUnknown) }
        return folder
    }

    /// The ```sql blocks of README.md.
    static func readmeSQL() throws -> [String] {
        let readme = try String(
            contentsOf: IngestFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.components(separatedBy: "```sql\n").dropFirst().compactMap {
            $0.components(separatedBy: "\n```").first
        }
    }

    @Test func theREADMEsSQLExampleRunsOnTheSampleIndex() throws {
        let index = try Self.output.get().url.appendingPathComponent("index.sqlite")
        let examples = try Self.readmeSQL()
        #expect(!examples.isEmpty, "README.md has no ```sql block")
        let database = try DatabaseQueue(path: index.path)
        for sql in examples {
            let rows = try database.read { db in try Row.fetchAll(db, sql: sql) }
            #expect(!rows.isEmpty, "no rows from the README example:\n\(sql)")
        }
    }

    /// `elo search` with its standard output on a pseudo-terminal (`script`), in the given environment.
    static func searchOnTerminal(_ environment: [String: String]) throws -> String {
        let output = try Self.output.get().url.path
        let elo = IngestFixture.executable!.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = [
            "-qec", "\(elo) search --pipeline \(pipeline) --output \(output) --limit 2 ohjaamo", "/dev/null",
        ]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["TERM"] = "xterm"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is not installed"))
    func searchBoldsOnATerminalUnlessNoColorOrADumbTerminal() throws {
        let plain = try Self.searchOnTerminal([:])
        #expect(plain.contains("\u{1B}[1m"), "no bold on a terminal: \(plain)")
        for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
            let output = try Self.searchOnTerminal(environment)
            #expect(!output.contains("\u{1B}"), "escapes with \(environment): \(output)")
            #expect(output.lowercased().contains("[ohjaamo"), "matches are bracketed instead: \(output)")
        }
    }
}
