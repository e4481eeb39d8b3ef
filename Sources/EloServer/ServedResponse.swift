import Foundation
import Hummingbird

/// The responses of `elo serve`, each with the same guarding headers: no content sniffing, a content security
/// policy that lets a page run only its own inline style and script and load nothing from elsewhere, no
/// caching (the pages change when an ingest commits), and no referrer sent to other sites.
enum ServedResponse {
    static let securityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func bytes(_ status: HTTPResponse.Status, _ data: Data, type: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .contentType: type, .contentLength: String(data.count), .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: securityPolicy, .cacheControl: "no-cache",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        bytes(status, Data(text.utf8), type: "text/plain; charset=utf-8", extra: extra)
    }

    /// The same status and headers (`Content-Length` included) without the body, for `HEAD`.
    static func headOnly(_ response: Response) -> Response {
        Response(status: response.status, headers: response.headers, body: .init())
    }

    /// The media type of a report or source file, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pdf": "application/pdf"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "txt": "text/plain"
        default: "application/octet-stream"
        }
    }
}
