import Foundation

/// Where a quote can be checked: the document's page in the report folder (every passage with its labels)
/// and the source file itself at its page (`../../corpus/inbox/lappi/plan.pdf#page=3`). Links are relative,
/// so the report folder and the inbox can move together; none is an absolute path of the machine.
public struct EvidenceLinks: Sendable, Hashable {
    /// Whether document pages are written (`documents/<slug>.html`).
    public var documentPages: Bool
    /// The inbox relative to the report folder (`../../corpus/inbox`); nil: no links to source files.
    public var sources: String?
    /// Whether the national pages link to the workbooks (`coverage.xlsx`).
    public var spreadsheet: Bool

    public init(documentPages: Bool = false, sources: String? = nil, spreadsheet: Bool = false) {
        self.documentPages = documentPages
        self.sources = sources
        self.spreadsheet = spreadsheet
    }

    /// The document page of `document` at a passage, from a page `depth` folders below the report folder.
    public func documentPage(_ document: String, page: Int? = nil, passage: Int? = nil, depth: Int = 1) -> String? {
        guard documentPages else { return nil }
        let anchor = page.map { "#p\($0)" + (passage.map { "-\($0)" } ?? "") } ?? ""
        return String(repeating: "../", count: depth) + ReportLayout.documentPage(document) + anchor
    }

    /// The source file at `page` (PDFs only take a page), from a page `depth` folders below the report folder.
    public func source(_ document: String, page: Int? = nil, depth: Int = 1) -> String? {
        guard let sources, !document.hasPrefix("/") else { return nil }
        let encoded = document.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/")
        let fragment = document.lowercased().hasSuffix(".pdf") ? page.map { "#page=\($0)" } ?? "" : ""
        return String(repeating: "../", count: depth) + (sources.isEmpty ? "" : sources + "/") + encoded + fragment
    }

    /// The inbox as a path relative to the report folder, when both are on the same machine.
    public static func relativePath(from folder: URL, to target: URL) -> String {
        let from = folder.standardizedFileURL.pathComponents
        let to = target.standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }

    /// One path part percent-encoded for a URL (spaces, `#`, `?`, `%`, non-ASCII letters).
    static func encode(_ part: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~()")
        return part.addingPercentEncoding(withAllowedCharacters: allowed) ?? part
    }
}
