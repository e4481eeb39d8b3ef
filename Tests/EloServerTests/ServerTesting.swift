import EloPipeline
import EloReports
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EloServer

/// Runs `body` against the fixture's server, in process (HummingbirdTesting's router client: no socket).
func serving(
    _ fixture: ServerFixture, language: ReportLanguage = .finnish,
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    var server = ReportServer(job: try fixture.job(), language: language)
    server.stamp = { "2014-06-30" }
    try await server.application().test(.router, body)
}

/// One GET (or `method`) whose status and body the test reads.
func fetch(_ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get) async throws -> (
    status: HTTPResponse.Status, headers: HTTPFields, body: String
) {
    try await client.execute(uri: uri, method: method) { response in
        (response.status, response.headers, String(buffer: response.body))
    }
}
