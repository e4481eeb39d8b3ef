import EloCore
import EloIndex
import EloPipeline
import EloTestSupport
import Foundation

/// A pipeline folder with an index written by the ingest writer (`IndexStore`, as `elo ingest` writes it) and
/// an inbox holding the source files: two regions (Pohjanmaa's pages in Swedish), one region whose name and one
/// document whose name and text carry `<script>`, for the escaping tests. Used by one test at a time; a test
/// that writes while the server reads (as a nightly ingest does) hands it to the server's requests only as a file.
final class ServerFixture: @unchecked Sendable {
    let folder: TemporaryFolder
    var pipeline: URL { folder.url.appendingPathComponent("pipelines/p.yaml") }
    var indexFile: URL { folder.url.appendingPathComponent("out/index.sqlite") }
    private let store: IndexStore
    private let run: Int64
    private let forms = PassageBaseForms()
    private var clock = Date(timeIntervalSince1970: 1_400_000_000)
    private var counter = 0

    static let hostileName = "<script>alert('elo')</script>"

    init() throws {
        folder = try TemporaryFolder(prefix: "elo-serve")
        try folder.write(
            Data(
                """
                name: elo-test
                title: ELO serve test
                inbox: ../inbox
                output: ../out
                label_sets:
                  - labels/ohjaamo.yaml
                """.utf8), to: "pipelines/p.yaml")
        try folder.write(
            Data(
                LabelSetFixture.yaml(
                    "ohjaamo",
                    first: [
                        ("ohjaamo.toteutus", "Ohjaamon toteutus alueella", "Navigatorn i regionen"),
                        ("ohjaamo.yhteistyomalli", "Yhteistyö", "Samarbete"),
                    ], cues: "{fi: {ohjaamo: 1}, sv: {navigatorn: 1}}"
                ).utf8), to: "pipelines/labels/ohjaamo.yaml")
        try folder.write(
            Data("id: lappi\nname_fi: Lappi\nname_sv: Lappland\n".utf8), to: "pipelines/regions/lappi.yaml")
        try folder.write(
            Data("id: pohjanmaa\nname_fi: Pohjanmaa\nname_sv: Österbotten\nlanguage: sv\n".utf8),
            to: "pipelines/regions/pohjanmaa.yaml")
        try folder.write(
            Data("id: kainuu\nname_fi: \"\(Self.hostileName) Kainuu\"\nname_sv: Kainuu\n".utf8),
            to: "pipelines/regions/kainuu.yaml")
        let index = folder.url.appendingPathComponent("out/index.sqlite")
        try FileManager.default.createDirectory(
            at: index.deletingLastPathComponent(), withIntermediateDirectories: true)
        store = try IndexStore(url: index)
        run = try store.beginRun(pid: 1, pipeline: "elo-test", startedAt: clock)
        let long =
            " Nuoret saavat ohjausta ja neuvontaa matalalla kynnyksellä ilman ajanvarausta koko alueella joka päivä."
        try add(
            "lappi/plan.txt", region: "lappi",
            [
                (1, "Ohjaamoissa toimitaan yhdessä." + long, [("ohjaamo.toteutus", 0.8, "Ohjaamoissa")]),
                (2, "Yhteistyö oppilaitosten kanssa jatkuu." + long, [("ohjaamo.yhteistyomalli", 0.7, "Yhteistyö")]),
            ])
        try add(
            "pohjanmaa/rapport.txt", region: "pohjanmaa", language: .swedish,
            [
                (
                    1,
                    "Navigatorn i Vasa erbjuder vägledning för unga utan tidsbokning varje dag i hela regionen och på nätet.",
                    [("ohjaamo.toteutus", 0.7, "Navigatorn")]
                )
            ])
        try add(
            "kainuu/\(Self.hostileName).txt", region: "kainuu",
            [
                (1, "\(Self.hostileName) Ohjaamo Kajaani avattiin." + long, [("ohjaamo.toteutus", 0.9, "Ohjaamo")])
            ])
    }

    /// Commits one document as `elo ingest` does (one transaction) and writes its source file into the inbox.
    func add(
        _ path: String, region: String, language: Language = .finnish,
        _ passages: [(page: Int, text: String, labels: [(String, Double, String)])]
    ) throws {
        clock += 60
        counter += 1
        let built = passages.map { page, text, labels in
            Passage(
                page: page, index: 0, kind: .paragraph, language: language, text: text,
                labels: labels.map { id, score, cue in
                    let offset =
                        text.range(of: cue).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
                    return PassageLabel(
                        id: id, score: score,
                        evidence: [.init(cue: cue, text: cue, start: offset, end: offset + cue.count)])
                })
        }
        let document = Document(
            path: path, sha256: String(repeating: String(format: "%02x", counter), count: 32),
            pages: built.map(\.page).max() ?? 1, language: language, status: .ok, method: .plainText, diagnostics: [],
            passages: built)
        _ = try store.commit(
            IndexedVersion(
                path: path, bytes: 100, mtimeNanoseconds: 1, region: region, regionSource: "folder", round: "2014",
                documentType: nil,
                versionKey: path, document: document, baseTexts: built.map { forms.baseText(of: $0) },
                labelSetVersion: "test"),
            run: run, at: clock)
        try folder.write(Data(passages.map(\.text).joined(separator: "\n\n").utf8), to: "inbox/\(path)")
    }

    func job() throws -> ReportJob { try ReportJob.load(pipeline: pipeline) }
}
