import EloCore
import EloNormalisation
import EloReports
import Foundation
import GRDB

/// `elo search`: full-text search over the current versions' passages, by surface form, Finnish base form and
/// Swedish stem, with the matched words located for highlighting. Passages with content come first: the rank
/// is FTS5's bm25 (lower is better) plus `headingPenalty` for a heading or a title-like line of fewer than
/// `titleWords` words, which names a subject without saying anything about it.
public final class ReportSearch {
    /// Added to bm25 for heading-only passages: more than bm25 separates passages of one small index, so a
    /// heading comes after every passage with content that matches as well.
    public static let headingPenalty = 25.0
    /// Shorter passages read as titles, whatever their kind.
    public static let titleWords = 4

    /// One matching passage.
    public struct Hit: Sendable, Codable, Hashable {
        public var region: String
        public var document: String
        public var page: Int
        public var passage: Int
        public var language: Language
        public var text: String
        /// Character ranges of matched words in `text`.
        public var highlights: [CoverageEvidence.Highlight]
        /// Labels the passage carries, best first.
        public var labels: [String]
        /// `heading`, `paragraph` or `list-item`.
        public var kind: Passage.Kind
        /// The rank the hits are ordered by (bm25 with the heading penalty; lower is better).
        public var rank: Double
        /// Whether the passage is a heading or a title-like line: ranked after the passages with content.
        public var headingOnly: Bool

        enum CodingKeys: String, CodingKey {
            case region, document, page, passage, language, text, highlights, labels, kind, rank
            case headingOnly = "heading_only"
        }
    }

    private let queue: DatabaseQueue
    private let forms = PassageBaseForms()
    private let stemmer = try? SnowballStemmer(algorithm: "swedish")

    public init(indexFile: URL) throws(ReportFailure) {
        queue = try CoverageIndexReader(indexFile: indexFile).queue
    }

    public func query(_ text: String) throws(ReportFailure) -> ReportSearchQuery {
        try ReportSearchQuery(text, baseForm: { self.forms.finnishBaseForm($0) }, stem: { self.stemmer?.stem($0) })
    }

    /// Passages matching `text`; `labels` keeps passages carrying one of these label or set ids.
    public func run(_ text: String, region: String? = nil, labels: [String] = [], limit: Int = 20) throws(ReportFailure) -> [Hit] {
        let query = try query(text)
        var sql = """
            SELECT c.region, c.path, p.page, p.idx, p.kind, p.language, p.text,
                   (p.kind = 'heading' OR length(trim(p.text)) - length(replace(trim(p.text), ' ', '')) + 1 < \(Self.titleWords)) AS heading_only,
                   (SELECT group_concat(label, ' ') FROM (SELECT label FROM labels WHERE passage_id = p.id ORDER BY score DESC)) AS labels
            FROM passages_fts f
            JOIN passages p ON p.id = f.rowid
            JOIN current_documents c ON c.version_id = p.version_id
            WHERE passages_fts MATCH ?
            """
        var arguments: [any DatabaseValueConvertible] = [query.expression]
        if let region {
            sql += " AND c.region = ?"
            arguments.append(region)
        }
        if !labels.isEmpty {
            let placeholders = labels.map { _ in "(l.label = ? OR l.label LIKE ? || '.%')" }.joined(separator: " OR ")
            sql += " AND EXISTS (SELECT 1 FROM labels l WHERE l.passage_id = p.id AND (\(placeholders)))"
            for label in labels { arguments += [label, label] }
        }
        sql = "SELECT *, bm25_rank + heading_only * \(Self.headingPenalty) AS rank FROM ("
            + sql.replacingOccurrences(of: "SELECT c.region,", with: "SELECT bm25(passages_fts) AS bm25_rank, c.region,")
            + ") ORDER BY rank, path, page, idx LIMIT ?"
        arguments.append(max(1, limit))
        let rows: [Row]
        do {
            rows = try queue.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        } catch {
            throw ReportFailure("the search could not be run (\(error.localizedDescription)) — use plain words, \"quoted phrases\" and OR")
        }
        return rows.map { row in
            let text: String = row["text"]
            let language = Language(rawValue: row["language"]) ?? .unknown
            return Hit(
                region: row["region"], document: row["path"], page: row["page"], passage: row["idx"], language: language,
                text: text, highlights: highlights(in: text, query: query),
                labels: (row["labels"] as String?)?.split(separator: " ").map(String.init) ?? [],
                kind: Passage.Kind(rawValue: row["kind"]) ?? .paragraph, rank: row["rank"], headingOnly: row["heading_only"])
        }
    }

    /// Ranges of the words in `text` that the query matches.
    func highlights(in text: String, query: ReportSearchQuery) -> [CoverageEvidence.Highlight] {
        var result: [CoverageEvidence.Highlight] = []
        var start: Int?
        var word = ""
        func close(at end: Int) {
            if let begin = start, !word.isEmpty,
               query.matches(word, baseForm: forms.finnishBaseForm(word), stem: stemmer?.stem(word.lowercased())) {
                result.append(.init(start: begin, end: end))
            }
            start = nil
            word = ""
        }
        var offset = 0
        for character in text {
            if character.isLetter || character.isNumber || (character == "-" && start != nil) {
                if start == nil { start = offset }
                word.append(character)
            } else {
                close(at: offset)
            }
            offset += 1
        }
        close(at: offset)
        return result
    }
}
