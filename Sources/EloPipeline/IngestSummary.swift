import EloCore
import Foundation

/// What one `elo ingest` run did: printed with `--json`, written to `runs/` in the output folder.
public struct IngestSummary: Sendable, Codable {
    public var run: Int64
    public var startedAt: String
    public var endedAt: String
    public var seconds: Double
    public var index: String
    /// `ok` or `needs-attention`.
    public var outcome: String
    public var exitCode: Int32
    public var files: Int
    public var unchanged: Int
    public var newDocuments: Int
    public var newVersions: Int
    /// Renamed or duplicated files whose content was already indexed.
    public var linked: Int
    public var withdrawn: Int
    public var reclassified: Int
    public var pages: Int
    /// Peak resident memory of the ingest process itself (not its workers), in MiB.
    public var peakMemoryMB: Double = 0
    public var attention: [AttentionItem]

    /// A document someone must act on, with what to do.
    public struct AttentionItem: Sendable, Codable, Hashable {
        public var path: String
        /// `failed`, `needs-password`, `needs-ocr`, `unassigned-region`, `bad-sidecar`.
        public var problem: String
        public var reason: String
        public var action: String
    }

    /// The one line printed when nobody is watching.
    public var oneLine: String {
        var line = "elo ingest: \(files) files, \(newDocuments) new, \(newVersions) new versions, \(linked) renamed/duplicate, "
            + "\(unchanged) unchanged, \(withdrawn) withdrawn"
        if reclassified > 0 { line += ", \(reclassified) re-classified" }
        line += String(format: " in %.1f s", seconds)
        let documents = Set(attention.map(\.path)).count
        if documents > 0 { line += "; \(documents) need\(documents == 1 ? "s" : "") attention" }
        return line
    }

    /// The attention list for people: `path: problem — reason; action`.
    public var attentionText: String {
        attention.map { "  \($0.path): \($0.problem) — \($0.reason); \($0.action)" }.joined(separator: "\n")
    }

    static func attention(for document: Document, path: String, region: String, pipeline: String) -> [AttentionItem] {
        var items: [AttentionItem] = []
        let reason = document.diagnostics.filter { $0.severity == .error }.map(\.message).first
            ?? document.diagnostics.first?.message
        switch document.status {
        case .ok, .partial: break
        case .failed:
            items.append(AttentionItem(
                path: path, problem: "failed", reason: reason ?? "the file could not be read",
                action: "ask the region for a new copy (re-saved as PDF), then replace the file in the inbox"))
        case .needsPassword:
            items.append(AttentionItem(
                path: path, problem: "needs-password", reason: reason ?? "encrypted PDF, no (correct) password given",
                action: "add `\(path): PASSWORD` under `passwords:` in \(pipeline) or `password:` in \(path).meta.yaml, or ask the region for an unprotected copy"))
        case .needsOCR:
            items.append(AttentionItem(
                path: path, problem: "needs-ocr", reason: reason ?? "no text layer (scanned pages)",
                action: "run OCR on it (e.g. `ocrmypdf -l fin+swe in.pdf out.pdf`) and put the result in the inbox, or ask the region for a text PDF"))
        }
        if region == RegionCatalog.unassigned && document.status.isReadable {
            items.append(AttentionItem(
                path: path, problem: "unassigned-region", reason: "no region folder, sidecar or region name in the text",
                action: "move it to inbox/<region-id>/ or add \(path).meta.yaml with `region: <region-id>`"))
        }
        return items
    }
}
