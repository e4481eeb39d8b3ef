import EloPipeline
import EloReports
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EloServer

/// The search page (ranked as `elo search`, filters that narrow, unknown filters said as such) and escaping of
/// everything a document, a region file or a request brings.
@Suite struct ServedSearchTests {
    @Test func searchFindsInflectedFormsAndFiltersNarrow() async throws {
        let fixture = try ServerFixture()
        let expected = try ReportSearch(indexFile: fixture.indexFile).run("ohjaamo", limit: 50).map(\.document)
        try await serving(fixture) { client in
            let all = try await fetch(client, "/search?q=ohjaamo")
            #expect(all.status == .ok)
            #expect(all.body.components(separatedBy: "<li class=\"hit\">").count - 1 == expected.count)
            #expect(expected.count == 2, "Ohjaamoissa (lappi) and Ohjaamo (kainuu)")
            #expect(all.body.contains("<mark>Ohjaamoissa</mark>"))
            let first = try #require(all.body.range(of: "<li class=\"hit\">"))
            #expect(all.body[first.upperBound...].contains("regions/kainuu.html"), "ranked as elo search: \(expected)")
            let lappi = try await fetch(client, "/search?q=ohjaamo&region=lappi")
            #expect(lappi.body.components(separatedBy: "<li class=\"hit\">").count - 1 == 1)
            #expect(lappi.body.contains("<option value=\"lappi\" selected>"), "the form keeps the filter")
            #expect(lappi.body.contains("href=\"" + ReportLayout.documentPage("lappi/plan.txt") + "#p1-0\""))
            let label = try await fetch(client, "/search?q=ohjausta&label=ohjaamo.yhteistyomalli")
            #expect(label.body.components(separatedBy: "<li class=\"hit\">").count - 1 == 1)
            #expect(label.body.contains("sivu 2"))
            let swedish = try await fetch(client, "/search?q=v%C3%A4gledning&set=ohjaamo&lang=sv")
            #expect(swedish.body.contains("<html lang=\"sv\">") && swedish.body.contains("Navigatorn i Vasa"))
            let form = try await fetch(client, "/search?q=matalalla+kynnyksell%C3%A4&region=lappi")
            #expect(form.body.contains("value=\"matalalla kynnyksellä\""), "a form's + is a space")
            #expect(form.body.components(separatedBy: "<li class=\"hit\">").count - 1 == 2)
            let none = try await fetch(client, "/search?q=avaruusasema")
            #expect(none.status == .ok && none.body.contains("Yksikään kohta ei vastaa hakua."))
            let empty = try await fetch(client, "/search")
            #expect(
                empty.status == .ok && empty.body.contains("name=\"q\"") && !empty.body.contains("<ol class=\"hits\">"))
        }
    }

    @Test func unknownFiltersAndBrokenQueriesSaySo() async throws {
        let fixture = try ServerFixture()
        try await serving(fixture) { client in
            let region = try await fetch(client, "/search?q=ohjaamo&region=ahvenanmaa")
            #expect(region.status == .badRequest && region.body.contains("unknown region &#39;ahvenanmaa&#39;"))
            let label = try await fetch(client, "/search?q=ohjaamo&label=okm2011.laatu")
            #expect(label.status == .badRequest && label.body.contains("unknown label"))
            let quote = try await fetch(client, "/search?q=%22matala")
            #expect(quote.status == .badRequest && quote.body.contains("without a closing one"))
        }
    }

    @Test func everythingShownIsEscaped() async throws {
        let fixture = try ServerFixture()
        let hostile = ServerFixture.hostileName
        let escaped = "&lt;script&gt;alert(&#39;elo&#39;)&lt;/script&gt;"
        let document = "/" + ReportLayout.documentPage("kainuu/\(hostile).txt")
        try await serving(fixture) { client in
            for page in [
                "/", "/index-sv.html", "/regions/kainuu.html", document, "/search?q=kajaani",
                "/search?q=%3Cscript%3Ealert(%27elo%27)%3C/script%3E",
                "/search?q=ohjaamo&region=%3Cscript%3Ealert(%27elo%27)%3C/script%3E",
            ] {
                let answer = try await fetch(client, page)
                #expect(!answer.body.contains(hostile), "\(page)")
                #expect(answer.body.contains(escaped) || answer.body.contains("&lt;script&gt;"), "\(page)")
            }
            let notFound = try await fetch(client, "/%3Cscript%3Ealert(1)%3C/script%3E.html")
            #expect(notFound.status == .notFound && notFound.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(notFound.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
        }
    }
}
