import EloCore

/// The human-readable form of `elo extract`'s result: one block per document, then a total line.
enum DocumentSummary {
    static func render(_ documents: [Document]) -> String {
        var out = ""
        for document in documents {
            let kinds = Dictionary(grouping: document.passages, by: \.kind).mapValues(\.count)
            var line =
                "\(document.path): \(document.status.rawValue), \(document.pages) page\(document.pages == 1 ? "" : "s")"
            if document.status.isReadable {
                line += ", \(document.language.rawValue), \(document.method.rawValue)"
                if let encoding = document.encoding { line += " (\(encoding))" }
                line += ", \(document.passages.count) passages"
                line +=
                    " (\(kinds[.heading] ?? 0) headings, \(kinds[.paragraph] ?? 0) paragraphs, \(kinds[.listItem] ?? 0) list items)"
            }
            out += line + "\n"
            for diagnostic in document.diagnostics where diagnostic.severity > .info {
                let page = diagnostic.page.map { " (page \($0))" } ?? ""
                out += "  \(diagnostic.severity.rawValue) \(diagnostic.id)\(page): \(diagnostic.message)\n"
            }
            for passage in document.passages.prefix(3) {
                out +=
                    "  p.\(passage.page) \(passage.kind.rawValue) [\(passage.language.rawValue)] \(preview(passage.text))\n"
            }
            if document.passages.count > 3 {
                out += "  … \(document.passages.count - 3) more passages (use --json for all)\n"
            }
        }
        let byStatus = Dictionary(grouping: documents, by: \.status).mapValues(\.count)
        let counts = ExtractionStatus.allCases.compactMap { status in
            byStatus[status].map { "\($0) \(status.rawValue)" }
        }
        out += "\(documents.count) document\(documents.count == 1 ? "" : "s"): \(counts.joined(separator: ", "))\n"
        return out
    }

    private static func preview(_ text: String, limit: Int = 90) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
