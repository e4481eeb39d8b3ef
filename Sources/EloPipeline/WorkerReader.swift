import EloCore
import Foundation

/// Reads one submitted file into a normalised `Document` inside a worker process. Never throws for a bad
/// document: what went wrong is in the document's status and diagnostics.
public protocol DocumentReading {
    func read(_ url: URL, password: String?) -> Document
}

/// The reader a worker process uses.
public enum WorkerReader {
    /// Builds the reader once per worker process. Throws when a system library cannot be loaded.
    public static func make() throws -> any DocumentReading {
        try ProvisionalReader()
    }

    /// Whether this build reads PDFs (false while the provisional reader stands in for extraction).
    public static let hasExtractor = false
}

/// Stand-in until the extraction and normalisation stages land on main (then `WorkerReader.make()` returns
/// `DocumentReader`): reads UTF-8 / Latin-1 text files into paragraph passages and reports every other file
/// as `failed` with the diagnostic `ingest.no-extractor`.
struct ProvisionalReader: DocumentReading {
    init() throws {}

    func read(_ url: URL, password: String?) -> Document {
        let isText = ["txt", "text"].contains(url.pathExtension.lowercased())
        guard let data = try? Data(contentsOf: url) else {
            return Document(
                path: url.path, sha256: "", pages: 0, language: .unknown, status: .failed,
                method: isText ? .plainText : .textLayer,
                diagnostics: [Diagnostic(id: "extraction.unreadable", severity: .error, message: "cannot read the file")],
                passages: [])
        }
        let sha = ContentHash.sha256(of: data)
        guard isText else {
            return Document(
                path: url.path, sha256: sha, pages: 0, language: .unknown, status: .failed, method: .textLayer,
                diagnostics: [Diagnostic(
                    id: "ingest.no-extractor", severity: .error,
                    message: "this build of elo has no PDF extractor yet")],
                passages: [])
        }
        let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
        let pages = text.components(separatedBy: "\u{0C}")
        var passages: [Passage] = []
        for (pageOffset, page) in pages.enumerated() {
            let blocks = page.components(separatedBy: "\n\n")
                .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                .filter { !$0.isEmpty }
            for (index, block) in blocks.enumerated() {
                passages.append(Passage(
                    page: pageOffset + 1, index: index, kind: block.count < 60 ? .heading : .paragraph,
                    language: .unknown, text: block))
            }
        }
        return Document(
            path: url.path, sha256: sha, pages: pages.count, language: .unknown,
            status: passages.isEmpty ? .failed : .ok, method: .plainText, encoding: "utf-8",
            diagnostics: passages.isEmpty
                ? [Diagnostic(id: "extraction.empty", severity: .error, message: "the file has no text")] : [],
            passages: passages)
    }
}
