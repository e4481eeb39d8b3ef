import Foundation
import Testing

/// The contracts every elo command keeps for scripts and cron: `--version`, bare `elo` as a usage error (64), a
/// JSON object on every exit with `--json`, and unknown `--region`/`--label` ids as bad arguments (64).
@Suite(.enabled(if: CommandRunner.available, "the elo executable is not built next to the tests"))
struct CommandLineContractTests {
    static let pipeline = Repository.pipelines.appendingPathComponent("elo-2014.yaml").path

    struct Failure: Decodable {
        var error: String
        var exit: Int32
    }

    @Test func versionPrintsAVersionString() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.stdout)")
    }

    @Test func bareEloPrintsAShortUsageAndExits64() throws {
        let result = try CommandRunner.run([])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("usage: elo <command>"), "\(result.stderr)")
        for command in ["ingest", "extract", "search", "gaps"] { #expect(result.stderr.contains("\n  \(command) ")) }
        #expect(!result.stderr.contains("_worker"))
        #expect(result.stderr.split(separator: "\n").count < 25, "short")
    }

    @Test(arguments: [
        (["extract", "--json"], Int32(64), "Missing expected argument"),
        (["extract", "--json", "--jobs", "0", "a.txt"], 64, "--jobs must be at least 1"),
        (["classify", "--json", "--pipeline", "/nonexistent/p.yaml", "a.txt"], 1, "/nonexistent/p.yaml"),
        (["search", "--json", "--pipeline", "/nonexistent/p.yaml", "ohjaus"], 1, "/nonexistent/p.yaml"),
        (["check", "--json", "--index", "/nonexistent/index.sqlite"], 1, "/nonexistent/index.sqlite"),
        (["ingest", "--json", "--pipeline", "/nonexistent/p.yaml"], 1, "/nonexistent/p.yaml"),
        (["ingest", "--json", "--workers", "0", "--pipeline", "p.yaml"], 64, "--workers must be from 1 to 256"),
    ])
    func jsonIsPrintedOnEveryExit(arguments: [String], status: Int32, fragment: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        let failure = try JSONDecoder().decode(Failure.self, from: Data(result.stdout.utf8))
        #expect(failure.exit == status)
        #expect(failure.error.contains(fragment), "\(failure.error)")
        #expect(!result.stderr.isEmpty, "a person still reads the message on standard error")
    }

    /// Standard error shows the JSON message as it is, except that configuration and set-up failures keep the
    /// `Error: ` prefix they have always been written with.
    @Test(arguments: [
        (["classify", "--json", "--pipeline", "/nonexistent/p.yaml", "a.txt"], "Error: ", "elo: /nonexistent/p.yaml"),
        (["search", "--json", "--pipeline", "/nonexistent/p.yaml", "ohjaus"], "", "elo search: /nonexistent/p.yaml"),
    ])
    func standardErrorShowsTheMessageOfTheJSON(arguments: [String], prefix: String, message: String) throws {
        let result = try CommandRunner.run(arguments)
        let failure = try JSONDecoder().decode(Failure.self, from: Data(result.stdout.utf8))
        #expect(failure.exit == 1 && result.status == 1, "\(result.stderr)")
        #expect(failure.error.hasPrefix(message), "\(failure.error)")
        #expect(result.stderr == prefix + failure.error + "\n")
    }

    @Test(arguments: [
        (
            ["search", "--pipeline", pipeline, "--region", "lapland", "ohjaus"], "unknown --region 'lapland'",
            "lappi, pirkanmaa"
        ),
        (
            ["search", "--pipeline", pipeline, "--label", "okm2011.nope", "ohjaus"], "unknown --label 'okm2011.nope'",
            "okm2011, "
        ),
        (["gaps", "--pipeline", pipeline, "--region", "lapland"], "unknown --region 'lapland'", "lappi, pirkanmaa"),
        (["gaps", "--pipeline", pipeline, "--label", "ohjaamoo"], "unknown --label 'ohjaamoo'", "okm2011.laatu"),
    ])
    func unknownRegionOrLabelIsABadArgumentListingTheValidIDs(arguments: [String], problem: String, valid: String)
        throws
    {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(problem), "\(result.stderr)")
        #expect(result.stderr.contains(valid), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
