import EloCore
import GRDB

/// One passage of a current document that a full-text search matched; `elo search --json` writes its fields
/// (with the hit's highlights) as one flat object.
public struct PassageMatch: Sendable, Codable, Hashable {
    public var region: String
    public var document: String
    public var page: Int
    public var passage: Int
    public var language: Language
    public var text: String
    /// Labels the passage carries, best first.
    public var labels: [String]
    /// `heading`, `paragraph` or `list-item`.
    public var kind: Passage.Kind
    /// The rank the matches are ordered by: FTS5's bm25 plus the heading penalty (lower is better).
    public var rank: Double
    /// A heading, or a line of fewer than `titleWords` words: ranked after the passages with content.
    public var headingOnly: Bool

    enum CodingKeys: String, CodingKey {
        case region, document, page, passage, language, text, labels, kind, rank
        case headingOnly = "heading_only"
    }
}

/// How `searchPassages` ranks: passages with content before headings and title-like lines.
public struct PassageRanking: Sendable {
    /// Added to bm25 for heading-only passages.
    public var headingPenalty: Double
    /// Shorter passages read as titles, whatever their kind.
    public var titleWords: Int

    public init(headingPenalty: Double, titleWords: Int) {
        self.headingPenalty = headingPenalty
        self.titleWords = titleWords
    }
}

extension IndexReader {
    /// Current passages matching the FTS5 `expression`; `region` keeps one region's, `labels` those carrying
    /// one of these label or set ids. An expression FTS5 cannot parse is a `.notFound` problem saying so.
    public func searchPassages(
        _ expression: String, region: String?, labels: [String], limit: Int, ranking: PassageRanking
    ) throws(IndexProblem) -> [PassageMatch] {
        var sql = """
            SELECT bm25(passages_fts) AS bm25_rank, c.region, c.path, p.page, p.idx, p.kind, p.language, p.text,
                   (p.kind = 'heading' OR length(trim(p.text)) - length(replace(trim(p.text), ' ', '')) + 1 < \(ranking.titleWords)) AS heading_only,
                   (SELECT group_concat(label, ' ') FROM (SELECT label FROM labels WHERE passage_id = p.id ORDER BY score DESC)) AS labels
            FROM passages_fts f
            JOIN passages p ON p.id = f.rowid
            JOIN current_documents c ON c.version_id = p.version_id
            WHERE passages_fts MATCH ?
            """
        var arguments: [any DatabaseValueConvertible] = [expression]
        if let region {
            sql += " AND c.region = ?"
            arguments.append(region)
        }
        if !labels.isEmpty {
            let placeholders = labels.map { _ in "(l.label = ? OR l.label LIKE ? || '.%')" }.joined(separator: " OR ")
            sql += " AND EXISTS (SELECT 1 FROM labels l WHERE l.passage_id = p.id AND (\(placeholders)))"
            for label in labels { arguments += [label, label] }
        }
        sql =
            "SELECT *, bm25_rank + heading_only * \(ranking.headingPenalty) AS rank FROM (\(sql)) ORDER BY rank, path, page, idx LIMIT ?"
        arguments.append(max(1, limit))
        let rows: [Row]
        do {
            rows = try queue.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        } catch {
            throw IndexProblem(
                kind: .notFound, file: file.path,
                problem: "the search could not be run (\(error.localizedDescription))",
                fix: "use plain words, \"quoted phrases\" and OR")
        }
        return rows.map { row in
            PassageMatch(
                region: row["region"], document: row["path"], page: row["page"], passage: row["idx"],
                language: Language(rawValue: row["language"]) ?? .unknown, text: row["text"],
                labels: (row["labels"] as String?)?.split(separator: " ").map(String.init) ?? [],
                kind: Passage.Kind(rawValue: row["kind"]) ?? .paragraph, rank: row["rank"],
                headingOnly: row["heading_only"])
        }
    }
}
