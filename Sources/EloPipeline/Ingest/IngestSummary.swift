import EloCore
import EloExtraction
import EloSettings
import Foundation

/// What one `elo ingest` run did: printed with `--json`, written to `runs/` in the output folder.
public struct IngestSummary: Sendable, Codable {
    public var run: Int64
    public var startedAt: String
    public var endedAt: String
    public var seconds: Double
    public var index: String
    /// `ok`, `needs-attention`, or `interrupted` (stopped by SIGTERM or SIGINT; exit code 143 or 130).
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
    /// Worker processes started (one per parallel reader, plus one after each failure or recycling).
    public var workersStarted = 0
    /// The highest peak resident memory any worker process reported, in MiB.
    public var workerPeakMemoryMB: Double = 0
    /// What this run found: documents it read (or sidecars it parsed) that need someone to act.
    public var attention: [AttentionItem]
    /// Documents found by earlier runs that still need someone to act (each with `since`): nothing new was read
    /// for them, but they are still in the inbox. The exit code is 2 while any remain.
    public var stillWaiting: [AttentionItem] = []

    /// Inbox entries not read: symbolic links, special files, names that are not UTF-8.
    public var skipped: [SkippedEntry] = []

    /// An inbox entry the scan did not read, and why.
    public struct SkippedEntry: Sendable, Codable, Hashable {
        /// Inbox-relative, escaped (`LineSafeName`).
        public var path: String
        public var reason: Reason

        /// Why an entry was not read.
        public enum Reason: String, Sendable, Codable {
            case symbolicLink = "symbolic-link"
            case specialFile = "special-file"
            case notUTF8 = "name-not-utf8"

            /// What a person reads, and what to do.
            public var explanation: String {
                switch self {
                case .symbolicLink:
                    "a symbolic link: elo reads only files in the inbox itself — put the document there instead of a link"
                case .specialFile: "not a regular file (a pipe, socket or device) — remove it from the inbox"
                case .notUTF8:
                    "its name is not valid UTF-8 (an old encoding) — rename it, e.g. `convmv -f latin1 -t utf8 --notest FILE`"
                }
            }
        }
    }

    /// A document someone must act on, with what to do.
    public struct AttentionItem: Sendable, Codable, Hashable {
        public var path: String
        /// `failed`, `partial`, `needs-password`, `needs-ocr`, `unassigned-region`, `bad-sidecar`, or `not-read`
        /// (vanished or changed while read, or no reader: read again by the next run, nothing remembered).
        public var problem: String
        public var reason: String
        public var action: String
        /// Only in `stillWaiting`: when the index first saw this content (ISO 8601 UTC).
        public var since: String?
    }

    /// Whether anything needs someone to act, found in this run or waiting from earlier ones.
    public var needsAttention: Bool { !attention.isEmpty || !stillWaiting.isEmpty }

    /// The one line printed when nobody is watching; it starts with the run's start (ISO 8601 UTC) and its id
    /// (`runs.id` in the index, `run-<start>-<id>.json` in `runs/`), so a log appended to every night reads by date.
    public var oneLine: String {
        var line =
            "\(startedAt) run \(run) elo ingest: \(files) files, \(newDocuments) new, \(newVersions) new versions, \(linked) renamed/duplicate, "
            + "\(unchanged) unchanged, \(withdrawn) withdrawn"
        if reclassified > 0 { line += ", \(reclassified) re-classified" }
        if outcome == "interrupted" { line += ", interrupted (the next run reads the rest)" }
        line += String(format: " in %.1f s", seconds)
        let documents = Set(attention.map(\.path)).count
        if documents > 0 { line += "; \(documents) need\(documents == 1 ? "s" : "") attention" }
        let waiting = Set(stillWaiting.map(\.path)).count
        if waiting > 0 { line += "; \(waiting) still waiting from earlier runs" }
        if !skipped.isEmpty {
            let reasons = Dictionary(grouping: skipped, by: \.reason.rawValue).map { "\($0.value.count) \($0.key)" }
                .sorted()
            line += "; \(skipped.count) skipped (\(reasons.joined(separator: ", ")))"
        }
        return line
    }

    /// The attention list for people: `path: problem — reason; action`.
    public var attentionText: String {
        attention.map { LineSafeName.escape("  \($0.path): \($0.problem) — \($0.reason); \($0.action)") }.joined(
            separator: "\n")
    }

    /// The still-waiting list for people: `path: problem, still waiting since DATE — reason; action`.
    public var stillWaitingText: String {
        stillWaiting.map { item in
            let since = item.since.map { ", still waiting since \($0.prefix(10))" } ?? ""
            return LineSafeName.escape("  \(item.path): \(item.problem)\(since) — \(item.reason); \(item.action)")
        }.joined(separator: "\n")
    }

    /// Everything a person must act on, under headings; empty when nothing does.
    public var attentionReport: String {
        var parts: [String] = []
        if !attention.isEmpty { parts.append("Needs attention:\n" + attentionText) }
        if !stillWaiting.isEmpty { parts.append("Still waiting from earlier runs:\n" + stillWaitingText) }
        return parts.joined(separator: "\n")
    }

    /// The findings of a document cut at its limits (`limits.max_text_mb`, `limits.max_passages`).
    static let documentLimitIDs: Set<String> = ["extraction.text-limit", "normalisation.passage-limit"]

    static func attention(for document: Document, path: String, region: String, pipeline: String) -> [AttentionItem] {
        var items: [AttentionItem] = []
        let diagnostic = document.diagnostics.first { $0.severity == .error } ?? document.diagnostics.first
        let parts = diagnostic.map { split($0, path: path) }
        let reason = parts?.reason
        let advice = parts?.advice
        switch document.status {
        case .ok: break
        case .partial:
            let findings = document.diagnostics.filter { $0.severity != .info }
            let reasons = findings.prefix(3).map { split($0, path: path).reason }
            let more = findings.count > 3 ? " (and \(findings.count - 3) more findings: `elo show \(path)`)" : ""
            // A document cut at `limits.max_text_mb` or `limits.max_passages` is complete: the limit is what to change.
            let limitAdvice = findings.first { Self.documentLimitIDs.contains($0.id) }
                .flatMap { split($0, path: path).advice }?
                .replacingOccurrences(of: "in the pipeline file", with: "in \(pipeline)")
            items.append(
                AttentionItem(
                    path: path, problem: "partial",
                    reason: reasons.isEmpty ? "read, but some pages were lost" : reasons.joined(separator: "; ") + more,
                    action: limitAdvice.map { "the first part is indexed; \($0)" }
                        ?? "the pages that could be read are indexed; ask the region for a complete copy (re-saved as PDF), then replace the file in the inbox"
                ))
        case .failed:
            items.append(
                AttentionItem(
                    path: path, problem: "failed", reason: reason ?? "the file could not be read",
                    action: advice
                        ?? "ask the region for a new copy (re-saved as PDF), then replace the file in the inbox"))
        case .needsPassword where diagnostic?.id == "extraction.wrong-password":
            items.append(
                AttentionItem(
                    path: path, problem: "needs-password",
                    reason: reason ?? "encrypted PDF, the given password does not open it",
                    action:
                        "correct the password for `\(path)` under `passwords:` in \(pipeline) or `password:` in \(path).meta.yaml, or ask the region for an unprotected copy"
                ))
        case .needsPassword:
            items.append(
                AttentionItem(
                    path: path, problem: "needs-password",
                    reason: reason ?? "encrypted PDF, no (correct) password given",
                    action:
                        "add `\(path): PASSWORD` under `passwords:` in \(pipeline) or `password:` in \(path).meta.yaml, or ask the region for an unprotected copy"
                ))
        case .needsOCR:
            if let budget = document.diagnostics.first(where: { $0.id == OCRAllowance.budgetDiagnosticID }) {
                let parts = split(budget, path: path)
                items.append(
                    AttentionItem(
                        path: path, problem: "needs-ocr", reason: parts.reason,
                        action: parts.advice?.replacingOccurrences(of: "the pipeline file", with: pipeline)
                            ?? "nothing to do: OCR continues next run"))
                break
            }
            items.append(
                AttentionItem(
                    path: path, problem: "needs-ocr", reason: reason ?? "no text layer (scanned pages)",
                    action: "turn on OCR with `ocr: auto` in \(pipeline), or ask the region for a text PDF"))
        }
        if region == RegionCatalog.unassigned && document.status.isReadable {
            items.append(
                AttentionItem(
                    path: path, problem: "unassigned-region",
                    reason: "no region folder, sidecar or region name in the text",
                    action: "move it to inbox/<region-id>/ or add \(path).meta.yaml with `region: <region-id>`"))
        }
        return items
    }

    /// A diagnostic's message is `<file>: what is wrong — what to do`. The attention line already names the file
    /// and has an action of its own, so the reason is only the middle part and the advice is returned apart
    /// (the caller uses it where it has none better). Messages of the ingest's own diagnostics (worker failures)
    /// are kept whole: their dash introduces an explanation, not advice.
    static func split(_ diagnostic: Diagnostic, path: String) -> (reason: String, advice: String?) {
        var message = Substring(diagnostic.message)
        if let colon = message.range(of: ": "), message[..<colon.lowerBound].hasSuffix(path) {
            message = message[colon.upperBound...]
        }
        guard !diagnostic.id.hasPrefix("ingest."), let dash = message.range(of: " — ") else {
            return (String(message), nil)
        }
        let advice = message[dash.upperBound...].trimmingCharacters(in: .whitespaces)
        return (String(message[..<dash.lowerBound]), advice.isEmpty ? nil : advice)
    }
}
