import EloPipeline
import EloReports
import Foundation
import Hummingbird

/// Answers every request of `elo serve`: `GET`/`HEAD` only (anything else is 405, nothing can be written);
/// `/` is the national page, `/search` the search page, `/sources/…` a source file the index knows, and every
/// other path one file of the rendered report set — looked up by its exact name in memory, so no path can
/// reach a file of the machine. HTML pages get a search box at the top.
struct ReportResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let reports: ServedReports
    let searcher: PassageSearcher
    let sources: SourceFiles

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return ServedResponse.text(
                .methodNotAllowed, "elo serve is read-only: only GET and HEAD are answered\n",
                extra: [.allow: "GET, HEAD"])
        }
        let response = await answer(request)
        return request.method == .head ? ServedResponse.headOnly(response) : response
    }

    private func answer(_ request: Request) async -> Response {
        guard let path = ServedPath(request.uri.path) else {
            return ServedResponse.text(.notFound, "not found — the pages start at the national page, index.html\n")
        }
        let rendered: ReportJob.RenderedReports
        do { rendered = try await reports.current() } catch {
            return ServedResponse.text(
                .serviceUnavailable, "\(error.message) — check that `elo ingest` has written the index\n")
        }
        switch path.route {
        case .search:
            let answer = searcher.page(
                for: PassageSearcher.parameters(request.uri.query ?? ""), report: rendered.report)
            return ServedResponse.bytes(answer.status, Data(answer.html.utf8), type: "text/html; charset=utf-8")
        case .source(let document):
            guard rendered.sourcePaths.contains(document), let file = sources.contents(of: document) else {
                return ServedResponse.text(.notFound, "no such source file in the index\n")
            }
            return ServedResponse.bytes(.ok, file, type: ServedResponse.contentType(of: document))
        case .file(let name):
            guard let file = rendered.files[name] else {
                return ServedResponse.text(
                    .notFound, "not found: no report file \(name) — the pages start at index.html\n")
            }
            guard name.hasSuffix(".html") else {
                return ServedResponse.bytes(.ok, file.contents, type: ServedResponse.contentType(of: name))
            }
            let page = SearchBox.inserted(into: String(decoding: file.contents, as: UTF8.self), at: name)
            return ServedResponse.bytes(.ok, Data(page.utf8), type: "text/html; charset=utf-8")
        }
    }
}
