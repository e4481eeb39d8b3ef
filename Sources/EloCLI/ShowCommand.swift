import ArgumentParser
import EloCore
import EloPipeline
import EloReports
import Foundation

/// `elo show`: everything the index knows about one document.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document's metadata, diagnostics, passages and labels.",
        discussion: """
            DOCUMENT is an inbox path (lappi/plan.pdf), a file name, or the start of the SHA-256 (6+ hex digits).

            Example:
              elo show --pipeline pipelines/elo-2014.yaml lappi/lappi_toimintasuunnitelma_2014.pdf
            """)

    @OptionGroup var options: ReportOptions

    @Option(name: .long, help: "Show this version number instead of the current one.")
    var version: Int?

    @Flag(name: .long, help: "Print as JSON.")
    var json = false

    @Argument(help: "The document: inbox path, file name or SHA-256 prefix.")
    var document: String

    func run() throws {
        do {
            let detail = try ReportDocumentDetail.find(document, version: version, indexFile: try options.indexFile)
            try ReportOutput.write(detail, json: json, text: Self.render)
        } catch {
            throw fail("show", error)
        }
    }

    static func render(_ detail: ReportDocumentDetail) -> String {
        let document = detail.document
        var out = "\(document.path)\n"
        out += "  region     \(detail.region) (from \(detail.regionSource))\n"
        if let round = detail.round { out += "  round      \(round)\n" }
        if let type = detail.documentType { out += "  type       \(type)\n" }
        out +=
            "  status     \(document.status.rawValue), \(document.pages) page\(document.pages == 1 ? "" : "s"), \(document.language.rawValue), \(document.method.rawValue)\(document.encoding.map { " (\($0))" } ?? "")\n"
        out += "  sha256     \(document.sha256)\n"
        out +=
            "  seen       \(detail.firstSeen) … \(detail.lastSeen)\(detail.withdrawnAt.map { ", withdrawn \($0)" } ?? "")\n"
        if detail.files.count > 1 || detail.files.first != document.path {
            out += "  files      \(detail.files.joined(separator: ", "))\n"
        }
        out +=
            "  versions   "
            + detail.versions.map {
                "v\($0.number) \($0.status.rawValue)\($0.number == detail.version ? " (shown)" : "")"
            }.joined(separator: ", ") + "\n"
        if detail.versions.count > 1 {
            for version in detail.versions {
                out += "    v\(version.number) \(version.path): \(version.orderReason ?? "order not recorded")\n"
            }
        }
        for diagnostic in document.diagnostics {
            out +=
                "  \(diagnostic.severity.rawValue) \(diagnostic.id)\(diagnostic.page.map { " (page \($0))" } ?? ""): \(diagnostic.message)\n"
        }
        out += "\n"
        for passage in document.passages {
            out +=
                "p.\(passage.page)#\(passage.index) \(passage.kind.rawValue) [\(passage.language.rawValue)] \(passage.text)\n"
            for label in passage.labels ?? [] {
                let cues = label.evidence.map { "\($0.text) (\($0.cue))" }.joined(separator: ", ")
                out += "    \(label.id) \(String(format: "%.2f", label.score)): \(cues)\n"
            }
        }
        out +=
            "\(document.passages.count) passage\(document.passages.count == 1 ? "" : "s"), \(document.passages.filter { !($0.labels ?? []).isEmpty }.count) labelled\n"
        return out
    }
}
