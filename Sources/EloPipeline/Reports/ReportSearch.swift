import EloCore
import EloIndex
import EloNormalisation
import EloReports
import Foundation

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

    private let index: IndexReader
    private let forms = PassageBaseForms()
    private let stemmer = try? SnowballStemmer(algorithm: "swedish")

    public init(indexFile: URL) throws(PipelineFailure) {
        index = try CoverageIndexReader(indexFile: indexFile).index
    }

    public func query(_ text: String) throws(PipelineFailure) -> ReportSearchQuery {
        try ReportSearchQuery(text, baseForm: { self.forms.finnishBaseForm($0) }, stem: { self.stemmer?.stem($0) })
    }

    /// Passages matching `text`; `labels` keeps passages carrying one of these label or set ids.
    public func run(_ text: String, region: String? = nil, labels: [String] = [], limit: Int = 20)
        throws(PipelineFailure) -> [Hit]
    {
        let query = try query(text)
        let matches: [PassageMatch]
        do {
            matches = try index.searchPassages(
                query.expression, region: region, labels: labels, limit: limit,
                ranking: PassageRanking(headingPenalty: Self.headingPenalty, titleWords: Self.titleWords))
        } catch {
            throw PipelineFailure(error.kind == .notFound ? "\(error.problem) — \(error.fix)" : error.description)
        }
        return matches.map { match in Hit(match: match, highlights: highlights(in: match.text, query: query)) }
    }

    /// Ranges of the words in `text` that the query matches.
    func highlights(in text: String, query: ReportSearchQuery) -> [CoverageEvidence.Highlight] {
        var result: [CoverageEvidence.Highlight] = []
        var start: Int?
        var word = ""
        func close(at end: Int) {
            if let begin = start, !word.isEmpty,
                query.matches(word, baseForm: forms.finnishBaseForm(word), stem: stemmer?.stem(word.lowercased()))
            {
                result.append(.init(begin..<end))
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
