import EloTestSupport
import Foundation
import GRDB
import Testing

/// `limits.max_text_mb` and `limits.max_passages` hold for the whole run: a document beyond them is `partial`,
/// its first part indexed and the cut said, and no passage is ever longer than the passage cap (8,000 bytes) —
/// before, a large text file was read whole by the ingest process and indexed as one giant passage, `ok`.
@Suite(
    "per-document limits", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct DocumentLimitsTests {
    static let passageCap = 8_000

    static func fixture(_ limits: String) throws -> IngestFixture {
        try IngestFixture(limits: "{timeout_seconds: 120, cpu_seconds: 60, memory_mb: 1024, \(limits)}", workers: 1)
    }

    /// The one document's entry under *Needs attention*: its problem and reason.
    static func attention(_ run: IngestFixture.Result) -> [String: (problem: String, reason: String, action: String)] {
        let list = (run.json?["attention"] as? [[String: Any]]) ?? []
        return Dictionary(
            list.map {
                ($0["path"] as! String, ($0["problem"] as! String, $0["reason"] as! String, $0["action"] as! String))
            },
            uniquingKeysWith: { a, _ in a })
    }

    static func texts(_ fixture: IngestFixture) throws -> [String] {
        try fixture.database().read { db in try String.fetchAll(db, sql: "SELECT text FROM passages ORDER BY page, idx")
        }
    }

    static func diagnostics(_ fixture: IngestFixture) throws -> String {
        try fixture.database().read { db in try String.fetchOne(db, sql: "SELECT diagnostics FROM versions") ?? "" }
    }

    @Test func textBeyondMaxTextMBIsCutAtAParagraphEndAndTheFirstPartIndexed() throws {
        let fixture = try Self.fixture("max_text_mb: 1")
        let (text, paragraphs) = LargeText.text(bytes: 3 << 20)
        try fixture.put(text, at: "lappi/large.txt")
        let run = try fixture.ingest()
        #expect(run.status == 2, "\(run.stderr)")
        let entry = try #require(Self.attention(run)["lappi/large.txt"])
        #expect(entry.problem == "partial")
        #expect(entry.reason.contains("cut at 1.0 MB of 3.0 MB"), "\(entry.reason)")
        #expect(
            entry.action.contains("raise `max_text_mb` under `limits:` in"),
            "says how to raise the limit: \(entry.action)")
        #expect(try fixture.scalar("SELECT COUNT(*) FROM versions WHERE status = 'partial'") == 1)
        #expect(try Self.diagnostics(fixture).contains("extraction.text-limit"))

        let passages = try Self.texts(fixture)
        #expect(passages.first == LargeText.paragraph(1), "the first part is indexed")
        #expect(passages.count > 1000 && passages.count < paragraphs / 2, "\(passages.count) of \(paragraphs)")
        // Cut at a paragraph end: the last passage kept is a whole paragraph, and nothing after the cut is indexed.
        #expect(passages.last == LargeText.paragraph(passages.count))
        #expect(passages.reduce(0) { $0 + $1.utf8.count } <= 1 << 20)
        #expect(passages.allSatisfy { $0.utf8.count <= Self.passageCap })
    }

    @Test func textWithoutLineEndsIsCutAndSplitIntoPassagesThatFitTheCap() throws {
        let fixture = try Self.fixture("max_text_mb: 1")
        try fixture.put(LargeText.text(bytes: 3 << 20, separator: " ").text, at: "lappi/one-line.txt")
        let run = try fixture.ingest()
        #expect(run.status == 2, "\(run.stderr)")
        #expect(Self.attention(run)["lappi/one-line.txt"]?.problem == "partial")
        let passages = try Self.texts(fixture)
        #expect(passages.count >= (1 << 20) / Self.passageCap, "not one giant passage: \(passages.count)")
        #expect(passages.allSatisfy { $0.utf8.count <= Self.passageCap })
        #expect(passages.first?.hasPrefix(LargeText.paragraph(1)) == true)
        #expect(passages.dropLast().allSatisfy { $0.hasSuffix(".") }, "split at sentence ends")
    }

    @Test func aFileWithoutBlankLinesIsNotOnePassage() throws {
        let fixture = try IngestFixture(limits: "{timeout_seconds: 120, cpu_seconds: 60, memory_mb: 1024}", workers: 1)
        try fixture.put(LargeText.text(bytes: 200_000, separator: "\n").text, at: "lappi/no-blank-lines.txt")
        let run = try fixture.ingest()
        #expect(run.status == 0, "\(run.stderr)")
        let passages = try Self.texts(fixture)
        #expect(passages.count > 200_000 / Self.passageCap, "\(passages.count) passages")
        #expect(passages.allSatisfy { $0.utf8.count <= Self.passageCap })
    }

    @Test func passagesBeyondMaxPassagesAreLeftOutAndSaidSo() throws {
        let fixture = try Self.fixture("max_passages: 50")
        try fixture.put(LargeText.text(bytes: 60_000).text, at: "lappi/many.txt")
        try fixture.put(LargeText.text(bytes: 2_000).text, at: "lappi/few.txt")
        let run = try fixture.ingest()
        #expect(run.status == 2, "\(run.stderr)")
        let attention = Self.attention(run)
        #expect(attention["lappi/many.txt"]?.problem == "partial")
        #expect(attention["lappi/many.txt"]?.reason.contains("only the first 50 are indexed") == true, "\(attention)")
        #expect(attention["lappi/many.txt"]?.action.contains("raise `max_passages`") == true, "\(attention)")
        #expect(attention["lappi/few.txt"] == nil, "a document within the limit is not touched")
        let many = try fixture.database().read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT p.text FROM passages p JOIN versions v ON v.id = p.version_id
                    WHERE v.path LIKE '%many.txt' ORDER BY p.page, p.idx
                    """)
        }
        #expect(many == (1...50).map(LargeText.paragraph), "the first 50 passages, in order")
        #expect(
            try fixture.scalar(
                "SELECT COUNT(*) FROM versions WHERE status = 'partial' AND diagnostics LIKE '%normalisation.passage-limit%'"
            ) == 1)
    }
}
