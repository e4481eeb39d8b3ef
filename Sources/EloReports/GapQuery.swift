import EloCore
import Foundation

/// The filter behind `elo gaps`, and its three output forms (table, CSV, JSON).
public struct GapQuery: Sendable {
    /// Region ids to keep; empty keeps all.
    public var regions: [String]
    /// Label ids or set ids to keep; empty keeps all.
    public var labels: [String]
    public var levels: Set<CoverageLevel>

    public init(regions: [String] = [], labels: [String] = [], levels: Set<CoverageLevel> = [.notCovered, .weak]) {
        self.regions = regions
        self.labels = labels
        self.levels = levels
    }

    /// Parses `not-covered,weak`; throws a message naming the bad word and the accepted ones.
    public static func levels(from text: String) throws -> Set<CoverageLevel> {
        var result: Set<CoverageLevel> = []
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            guard let level = CoverageLevel(rawValue: word) else {
                throw ReportError(
                    kind: .badQuery, problem: "unknown level '\(word)'",
                    fix:
                        "use one or more of \(CoverageLevel.allCases.map(\.rawValue).joined(separator: ", ")), separated by commas"
                )
            }
            result.insert(level)
        }
        guard !result.isEmpty else { throw ReportError(kind: .badQuery, problem: "--level needs at least one level") }
        return result
    }

    public func run(_ report: CoverageReport) -> [GapRecord] {
        report.regions.filter { regions.isEmpty || regions.contains($0.region) }.flatMap { region in
            region.labels.filter { entry in
                levels.contains(entry.level)
                    && (labels.isEmpty || labels.contains(entry.label.id) || labels.contains(entry.label.set))
            }.map { entry in
                var record = GapRecord(
                    region: region.region, set: entry.label.set, label: entry.label.id, level: entry.level,
                    evidence: entry.evidence.map(GapRecord.Quote.init),
                    nearMisses: entry.nearMisses.map(GapRecord.Quote.init))
                if region.dependsOnIncompleteDocuments(entry.level) {
                    record.incompleteDocuments = region.incompleteDocuments.map(GapRecord.IncompleteDocument.init)
                }
                return record
            }
        }
    }

    /// Aligned columns for a terminal: region, label, level, best evidence or near-miss; under a row, why its
    /// near-miss did not count and which documents, not read in full, the level may change with.
    public static func table(_ records: [GapRecord]) -> String {
        let rows = records.map { record -> [String] in
            let best =
                record.evidence.first.map { "\($0.document) p.\($0.page) \(HTMLText.score($0.score))" }
                ?? record.nearMisses.first.map { "near-miss: \($0.document) p.\($0.page) \(HTMLText.score($0.score))" }
                ?? ""
            return [record.region, record.label, record.level.rawValue, best]
        }
        let header = ["REGION", "LABEL", "LEVEL", "BEST PASSAGE"]
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            (0..<3).map { cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + cells[3]
        }
        var out = ""
        for (index, row) in ([header] + rows).enumerated() {
            out += line(row).trimmingTrailingSpaces() + "\n"
            guard index > 0 else { continue }
            let record = records[index - 1]
            if let near = record.nearMisses.first, let reason = near.reason, record.evidence.isEmpty {
                out += "    why not counted: \(reason.rawValue)\n"
            }
            for document in record.incompleteDocuments ?? [] {
                out += "    ! may change: \(document.document) is \(document.status.rawValue) — \(document.action)\n"
            }
        }
        out += "\(records.count) gap\(records.count == 1 ? "" : "s")\n"
        return out
    }

    /// Long format: one row per region and label, with the best evidence and near-miss (codes as headings).
    public static func csv(_ records: [GapRecord], dialect: CSVDialect = .finnish) -> Data {
        var rows = [
            [
                "region", "set", "label", "level", "evidence_document", "evidence_page", "evidence_score",
                "evidence_quote",
                "near_miss_document", "near_miss_page", "near_miss_score", "near_miss_quote", "near_miss_reason",
                "incomplete_documents",
            ]
        ]
        for record in records {
            let best = record.evidence.first
            let near = record.nearMisses.first
            rows.append([
                record.region, record.set, record.label, record.level.rawValue,
                best?.document ?? "", best.map { String($0.page) } ?? "", best.map { dialect.decimal($0.score) } ?? "",
                best?.quote ?? "",
                near?.document ?? "", near.map { String($0.page) } ?? "", near.map { dialect.decimal($0.score) } ?? "",
                near?.quote ?? "",
                near?.reason?.rawValue ?? "",
                (record.incompleteDocuments ?? []).map { "\($0.document) (\($0.status.rawValue)): \($0.action)" }
                    .joined(separator: " | "),
            ])
        }
        return CSVText.file(rows, dialect: dialect)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
