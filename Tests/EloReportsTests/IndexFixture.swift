import EloCore
import EloIndex
import EloPipeline
import EloTestSupport
import Foundation

/// A small index built through the ingest writer: three regions, a second version, a withdrawn document,
/// an unreadable one, an unassigned one. Texts are written for the tests.
final class IndexFixture {
    let folder: TemporaryFolder
    let indexFile: URL
    private let store: IndexStore
    private let run: Int64
    private let forms = PassageBaseForms()
    private var clock = Date(timeIntervalSince1970: 1_400_000_000)
    private var counter = 0

    /// A fake content hash: the n-th document's is `n` in hex repeated (`0101…`, `0202…`).
    static func sha256(number: Int) -> String { String(repeating: String(format: "%02x", number), count: 32) }

    init() throws {
        folder = try TemporaryFolder(prefix: "elo-report-index")
        indexFile = folder.url.appendingPathComponent("pipelines/out/index.sqlite")
        try FileManager.default.createDirectory(
            at: indexFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        store = try IndexStore(url: indexFile)
        run = try store.beginRun(pid: 1, pipeline: "elo-2014", startedAt: clock)
    }

    static func passage(
        _ text: String, page: Int = 1, index: Int = 0, language: Language = .finnish,
        labels: [(String, Double, String)] = []
    ) -> Passage {
        Passage(
            page: page, index: index, kind: .paragraph, language: language, text: text,
            labels: labels.map { id, score, cue in
                let offset = text.range(of: cue).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
                return PassageLabel(
                    id: id, score: score, evidence: [.init(cue: cue, text: cue, start: offset, end: offset + cue.count)]
                )
            })
    }

    @discardableResult
    func add(
        _ path: String, region: String, status: ExtractionStatus = .ok, versionKey: String? = nil,
        passages: [Passage] = []
    ) throws -> CommitOutcome {
        clock += 60
        counter += 1
        let document = Document(
            path: path, sha256: Self.sha256(number: counter),
            pages: passages.map(\.page).max() ?? 1, language: .finnish, status: status, method: .textLayer,
            diagnostics: status.isReadable
                ? [] : [Diagnostic(id: "extraction.encrypted", severity: .error, message: "encrypted")],
            passages: passages)
        return try store.commit(
            IndexedVersion(
                path: path, bytes: 100, mtimeNanoseconds: 1, region: region, regionSource: "folder", round: "2014",
                documentType: nil, versionKey: versionKey ?? path, document: document,
                baseTexts: passages.map { forms.baseText(of: $0) }, labelSetVersion: "test"), run: run, at: clock)
    }

    func withdraw(keeping present: Set<String>) throws {
        _ = try store.withdrawMissing(present: present, run: run, at: clock + 1)
    }

    /// The standard content: see the tests for what each document is for.
    static func standard() throws -> IndexFixture {
        let index = try IndexFixture()
        try index.add(
            "lappi/plan.pdf", region: "lappi",
            passages: [
                passage(
                    "Ohjaamoissa nuoret saavat ohjausta ilman ajanvarausta.",
                    labels: [("ohjaamo.toteutus", 0.8, "Ohjaamoissa")]),
                passage(
                    "Ohjauspalvelujen saatavuus paranee.", page: 2, labels: [("okm2011.saatavuus", 0.7, "saatavuus")]),
            ])
        try index.add(
            "lappi/raportti-v1.pdf", region: "lappi", versionKey: "lappi-raportti",
            passages: [
                passage(
                    "Laatua seurataan indikaattoreilla ja palautteella.", labels: [("okm2011.laatu", 0.75, "Laatua")])
            ])
        try index.add(
            "lappi/raportti-v2.pdf", region: "lappi", versionKey: "lappi-raportti",
            passages: [
                passage("Raportti kuvaa verkoston toimintaa.", labels: [])
            ])
        try index.add(
            "pohjanmaa/rapport.pdf", region: "pohjanmaa",
            passages: [
                passage(
                    "Vägledningen i Österbotten ordnas i samarbete.", language: .swedish,
                    labels: [("okm2011.koordinaatio", 0.66, "samarbete")])
            ])
        try index.add("kainuu/raportti.pdf", region: "kainuu", status: .needsPassword)
        try index.add(
            "satakunta/vanha.pdf", region: "satakunta",
            passages: [
                passage("Ohjaamo Pori avattiin.", labels: [("ohjaamo.toteutus", 0.9, "Ohjaamo")])
            ])
        try index.add("irrallinen.pdf", region: "unassigned", passages: [passage("Ohjaamo jossakin.")])
        try index.withdraw(keeping: [
            "lappi/plan.pdf", "lappi/raportti-v1.pdf", "lappi/raportti-v2.pdf", "pohjanmaa/rapport.pdf",
            "kainuu/raportti.pdf", "irrallinen.pdf",
        ])
        return index
    }
}
