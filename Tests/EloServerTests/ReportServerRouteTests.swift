import EloPipeline
import EloReports
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EloServer

/// `elo serve`'s routes: the written report's pages, read-only methods, and no way out of the report set.
@Suite struct ReportServerRouteTests {
    @Test func servesTheNationalRegionAndDocumentPages() async throws {
        let fixture = try ServerFixture()
        try await serving(fixture) { client in
            let national = try await fetch(client, "/")
            #expect(national.status == .ok)
            #expect(national.headers[.contentType] == "text/html; charset=utf-8")
            #expect(national.body.contains("<table class=\"matrix\">"))
            #expect(national.body.contains("<html lang=\"fi\">"))
            #expect(national.body.contains("action=\"search\" role=\"search\""), "every served page has the search box")
            let swedish = try await fetch(client, "/index-sv.html")
            #expect(swedish.status == .ok && swedish.body.contains("<html lang=\"sv\">"))
            let region = try await fetch(client, "/regions/pohjanmaa.html")
            #expect(
                region.status == .ok && region.body.contains("<html lang=\"sv\">"),
                "a region with language: sv is in Swedish")
            #expect(region.body.contains("action=\"../search\""), "the box's target is relative to the page")
            let document = try await fetch(client, "/" + ReportLayout.documentPage("lappi/plan.txt"))
            #expect(document.status == .ok && document.body.contains("id=\"p1-0\""))
            let csv = try await fetch(client, "/coverage.csv")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let source = try await fetch(client, "/sources/lappi/plan.txt")
            #expect(source.status == .ok && source.body.hasPrefix("Ohjaamoissa toimitaan"))
        }
    }

    @Test func servedPagesAreTheWrittenPagesWithASearchBox() async throws {
        let fixture = try ServerFixture()
        let job = try fixture.job()
        try job.write(generated: "2014-06-30")
        let written = try String(contentsOf: job.reportFolder.appendingPathComponent("index-sv.html"), encoding: .utf8)
        try await serving(fixture) { client in
            let served = try await fetch(client, "/index-sv.html")
            #expect(served.body == SearchBox.inserted(into: written, at: "index-sv.html"))
            #expect(served.body != written)
        }
    }

    @Test func evidenceLinksToDocumentPagesAndSourcesResolve() async throws {
        let fixture = try ServerFixture()
        try await serving(fixture) { client in
            let region = try await fetch(client, "/regions/lappi.html")
            let links = Self.links(in: region.body).filter {
                $0.hasPrefix("../documents/") || $0.hasPrefix("../sources/")
            }
            #expect(links.contains { $0.hasPrefix("../documents/") } && links.contains { $0.hasPrefix("../sources/") })
            for link in links {
                let path = "/" + String(link.dropFirst(3).prefix { $0 != "#" })
                let answer = try await fetch(client, path, method: .head)
                #expect(answer.status == .ok, "\(link)")
            }
        }
    }

    @Test(arguments: [
        "/nothing.html", "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/regions/../index.html", "//etc/passwd",
        "/sources/../../etc/passwd", "/sources/%2e%2e/p.yaml", "/sources/lappi/missing.txt", "/sources//etc/passwd",
        "/regions/", "/index.html%00.png", "/..%5c..%5cetc%5cpasswd", "/sources/lappi",
    ])
    func unknownPathsAreNotFoundAndNothingOutsideIsRead(path: String) async throws {
        let fixture = try ServerFixture()
        // in the inbox, not in the index
        try fixture.folder.write(Data("root:x:0:0\n".utf8), to: "inbox/lappi/secret.txt")
        try await serving(fixture) { client in
            let answer = try await fetch(client, path)
            #expect(answer.status == .notFound)
            #expect(!answer.body.contains("root:"))
            #expect(
                try await fetch(client, "/sources/lappi/secret.txt").status == .notFound,
                "a file the index does not know")
        }
    }

    @Test func onlyGetAndHeadAreAnswered() async throws {
        let fixture = try ServerFixture()
        try await serving(fixture) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                let answer = try await fetch(client, "/index.html", method: method)
                #expect(answer.status == .methodNotAllowed, "\(method)")
                #expect(answer.headers[.allow] == "GET, HEAD")
            }
            #expect(try await fetch(client, "/search?q=ohjaamo", method: .post).status == .methodNotAllowed)
            let get = try await fetch(client, "/regions/lappi.html")
            let head = try await fetch(client, "/regions/lappi.html", method: .head)
            #expect(head.status == .ok && head.body.isEmpty)
            #expect(head.headers[.contentLength] == String(get.body.utf8.count))
        }
    }

    /// The `href` values of a page, as written (escaped `&amp;` left as is).
    static func links(in page: String) -> [String] {
        page.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
