import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloReports

/// Document text is untrusted: it must show as text in every format, and names must not choose paths.
@Suite struct ReportSafetyTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]

    @Test func regionPageShowsScriptAndImagePayloadsAsText() throws {
        let report = CoverageFixtures.report()
        let html = RegionPageRenderer(report: report).render(report.regions[0])
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<mark>Ohjaamo</mark> &lt;script&gt;"), "highlighting still works around escaped text")
    }

    @Test func namesAndTitlesAreEscapedEverywhere() throws {
        let report = CoverageFixtures.report()
        let bundle = try ReportBundle(report)
        for file in bundle.files where file.path.hasSuffix(".html") {
            let html = try #require(String(data: file.contents, encoding: .utf8))
            #expect(!html.contains("<b>"), "\(file.path)")
            #expect(!html.contains("<reports>"), "\(file.path)")
            #expect(
                !html.contains("<script>alert") && html.components(separatedBy: "<script").count <= 2, "\(file.path)")
            #expect(!html.contains("<img"), "\(file.path)")
            #expect(!html.contains("http://x\")"), "CSV-looking text is escaped too: \(file.path)")
        }
    }

    @Test func htmlLoadsNothingFromOutside() throws {
        for file in try ReportBundle(CoverageFixtures.report()).files where file.path.hasSuffix(".html") {
            let html = try #require(String(data: file.contents, encoding: .utf8))
            for forbidden in [
                "<script src", "<link", "@import", "src=\"http", "href=\"http", "url(http", "<iframe", "fetch(",
                "XMLHttpRequest",
            ] {
                #expect(!html.contains(forbidden), "\(file.path) contains \(forbidden)")
            }
            // the one script allowed: the matrix controls, inline
            for script in html.components(separatedBy: "<script").dropFirst() {
                #expect(script.hasPrefix(">\n/* elo matrix controls */"), "\(file.path) has another script")
            }
            #expect(html.contains("@media print"))
        }
    }

    @Test func markdownNeutralisesMarkupFromDocuments() {
        let report = CoverageFixtures.report()
        let markdown = RegionMarkdownRenderer(report: report).render(report.regions[0])
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(MarkdownText.escape("[x](javascript:alert(1)) *y* # z") == "\\[x\\](javascript:alert(1)) \\*y\\* \\# z")
        #expect(MarkdownText.escape("- not a list") == "\\- not a list")
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc-passwd"),
        ("/etc/passwd", "etc-passwd"),
        ("..", "region-"),
        ("", "region-"),
        ("Österbotten", "osterbotten"),
        ("Etelä-Pohjanmaa / Södra Österbotten", "etela-pohjanmaa-sodra-osterbotten"),
        ("Pohjois-Karjala\u{0}\\..\\x", "pohjois-karjala-x"),
        ("ла́ппи", "region-"),
        ("a\u{0308}ä", "aa"),  // decomposed and composed ä fold alike
    ])
    func fileNamesCannotEscapeTheFolder(name: String, expected: String) {
        let slug = ReportFileName.slug(name)
        if expected == "region-" {
            #expect(slug.hasPrefix("region-") && slug.count == 15)
        } else {
            #expect(slug == expected)
        }
        #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
    }

    @Test func slugsAreBoundedAndUnique() {
        #expect(ReportFileName.slug(String(repeating: "ohjaus ", count: 40)).count <= ReportFileName.maximumLength)
        #expect(ReportFileName.uniqueSlugs(["A/B", "a-b", "a b"]) == ["a-b", "a-b-2", "a-b-3"])
        #expect(ReportFileName.slug("..") != ReportFileName.slug(""), "hash keeps distinct names apart")
    }

    @Test func everyBundlePathStaysInsideTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        let report = CoverageFixtures.report()
        let written = try ReportFolderWriter(folder: folder.url).write(try ReportBundle(report))
        let root = folder.url.standardizedFileURL.path + "/"
        for url in written { #expect(url.standardizedFileURL.path.hasPrefix(root)) }
        #expect(
            FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("regions/etc-passwd.html").path))
        #expect(
            written.count == 4 + 2 * report.labels.count + 3 * report.regions.count,
            "index.html, index-sv.html, CSV, JSON, a page per goal in each language and three files a region")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.url.appendingPathComponent("goals/okm2011-laatu-sv.html").path))
    }

    @Test(arguments: ["../x.html", "/tmp/x.html", "regions/../../x.html", "", "a//b", "regions/./x"])
    func writerRefusesPathsThatLeaveTheFolder(path: String) throws {
        let folder = try TemporaryFolder()
        let bundle = ReportBundle(files: [.init(path: path, contents: Data("x".utf8))])
        let error = #expect(throws: ReportError.self) { try ReportFolderWriter(folder: folder.url).write(bundle) }
        #expect(error?.kind == .unsafePath)
    }
}
