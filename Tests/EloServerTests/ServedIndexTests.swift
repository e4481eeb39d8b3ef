import EloPipeline
import EloReports
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EloServer

/// The index under the server: opened read-only, written by an ingest meanwhile, and a port already taken.
@Suite struct ServedIndexTests {
    @Test func servingWritesNothing() async throws {
        let fixture = try ServerFixture()
        let before = try Self.snapshot(fixture)
        try await serving(fixture) { client in
            for page in ["/", "/regions/lappi.html", "/search?q=ohjaamo", "/coverage.xlsx", "/sources/lappi/plan.txt"] {
                #expect(try await fetch(client, page).status == .ok, "\(page)")
            }
            _ = try await fetch(client, "/index.html", method: .post)
        }
        #expect(try Self.snapshot(fixture) == before, "index file and report folder unchanged")
        #expect(
            !FileManager.default.fileExists(atPath: try fixture.job().reportFolder.path), "no report folder written")
    }

    @Test func keepsAnsweringWhileAnIngestCommitsAndShowsItsResults() async throws {
        let fixture = try ServerFixture()
        try await serving(fixture) { client in
            let pages = ["/", "/search?q=ohjaamo", "/regions/lappi.html"]
            try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                group.addTask {
                    var statuses: [HTTPResponse.Status] = []
                    for round in 0..<24 { statuses.append(try await fetch(client, pages[round % pages.count]).status) }
                    return statuses
                }
                // the writer (IndexStore, one transaction per document, as elo ingest commits) goes on meanwhile
                for number in 1...8 {
                    try fixture.add(
                        "lappi/lisa-\(number).txt", region: "lappi",
                        [
                            (
                                1,
                                "Ohjaamo \(number) avasi uuden toimipisteen, jossa nuoret saavat ohjausta ilman ajanvarausta.",
                                [("ohjaamo.toteutus", 0.8, "Ohjaamo")]
                            )
                        ])
                }
                for try await statuses in group { #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)") }
            }
            let after = try await fetch(client, "/" + ReportLayout.documentPage("lappi/lisa-8.txt"))
            #expect(after.status == .ok, "the ingest's last document has its page on the next request")
            let search = try await fetch(client, "/search?q=toimipisteen")
            #expect(search.body.components(separatedBy: "<li class=\"hit\">").count - 1 == 8)
        }
    }

    @Test func aTakenPortIsSaidWithWhatToDo() async throws {
        let fixture = try ServerFixture()
        let job = try fixture.job()
        let (urls, started) = AsyncStream<String>.makeStream()
        let first = Task { try await ReportServer(job: job, port: 0).run(stopOnSignals: false) { started.yield($0) } }
        defer { first.cancel() }
        var next = urls.makeAsyncIterator()
        let url = try #require(await next.next())
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let port = try #require(Int(url.dropFirst("http://127.0.0.1:".count).dropLast()))
        do {
            try await ReportServer(job: job, port: port).run(stopOnSignals: false) { _ in
                Issue.record("a second server on port \(port) started")
            }
        } catch {
            #expect(error.message.contains("cannot listen on 127.0.0.1:\(port)"))
            #expect(error.message.contains("--port"))
        }
        first.cancel()
        _ = await first.result
    }

    @Test func aMissingIndexStopsBeforeListening() async throws {
        let fixture = try ServerFixture()
        try FileManager.default.removeItem(at: fixture.indexFile)
        let server = ReportServer(job: try fixture.job(), port: 0)
        do {
            try await server.run(stopOnSignals: false) { url in Issue.record("listening at \(url)") }
            Issue.record("started without an index")
        } catch {
            #expect(error.message.contains("no index at"))
            #expect(error.message.contains("elo ingest"))
        }
    }

    /// The index's bytes (main file; the write-ahead log when there is one) and its folder's file names.
    static func snapshot(_ fixture: ServerFixture) throws -> [String: Data] {
        let folder = fixture.indexFile.deletingLastPathComponent()
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix("-shm") {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
