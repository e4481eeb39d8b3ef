import EloCore
import EloTestSupport
import Foundation
import Testing

/// `elo classify` and `elo eval` run as the built executable on fixtures made here.
@Suite(.enabled(if: CommandRunner.available, "the elo executable is not built next to the tests"))
struct ClassifyEvalCommandTests {
    static let labelSet = """
        set: demo
        name_fi: Demo
        name_sv: Demo
        labels:
          - id: demo.laatu
            name_fi: Laatu
            name_sv: Kvalitet
            definition: Quality.
            cues:
              fi:
                laatu: 1
              sv:
                kvalitet: 1
          - id: demo.verkosto
            name_fi: Verkosto
            name_sv: Nätverk
            definition: Networks.
            cues:
              fi:
                verkosto: 1
        """

    static let document = """
        Ohjauksen kehittäminen

        Alueen ohjauspalvelujen laadun arviointi aloitetaan ensi vuonna.

        Ohjausverkostoon kuuluvat kaikki oppilaitokset ja kunnat.

        Tässä kappaleessa ei puhuta mistään tavoitteesta.
        """

    /// A folder with a pipeline, its label set and one document in a subfolder.
    static func fixture(pipeline: String = "label_sets:\n  - demo.yaml\nthreshold: 0.5\n") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(Data(pipeline.utf8), to: "p.yaml")
        try folder.write(Data(labelSet.utf8), to: "demo.yaml")
        try folder.write(Data(document.utf8), to: "docs/region/plan.txt")
        return folder
    }

    @Test(arguments: [
        ("classify", ["--pipeline", "--json", "Examples:", "Exit status", "evidence"]),
        ("eval", ["--labels", "--documents", "--baseline", "Examples:", "Exit status", "meta.yaml", "unmatched"]),
    ])
    func helpTeachesUsage(command: String, fragments: [String]) throws {
        let result = try CommandRunner.run([command, "--help"])
        #expect(result.status == 0)
        for fragment in fragments { #expect(result.stdout.contains(fragment), "help of \(command) lacks \(fragment)") }
    }

    @Test func classifyJSONAddsLabelsWithEvidenceToPassages() throws {
        let folder = try Self.fixture()
        let result = try CommandRunner.run(
            ["classify", "--json", "--pipeline", "p.yaml", "docs/region/plan.txt"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        // Same input, same bytes: keys are sorted, so two runs can be diffed.
        let again = try CommandRunner.run(
            ["classify", "--json", "--pipeline", "p.yaml", "docs/region/plan.txt"], in: folder.url)
        #expect(again.stdout == result.stdout)
        #expect(result.stdout.hasPrefix(#"{"documents":[{"diagnostics":"#))
        struct Output: Decodable { var documents: [Document] }
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        let passages = try #require(output.documents.first?.passages)
        let quality = try #require(passages.first { $0.text.contains("laadun") })
        #expect(quality.labels?.map(\.id) == ["demo.laatu"])
        let evidence = try #require(quality.labels?.first?.evidence.first)
        #expect(evidence.cue == "laatu" && evidence.text == "laadun")
        #expect(String(Array(quality.text)[evidence.start..<evidence.end]) == "laadun")
        #expect(passages.first { $0.text.contains("Ohjausverkostoon") }?.labels?.map(\.id) == ["demo.verkosto"])
        #expect(passages.first { $0.text.contains("mistään") }?.labels == [])
        #expect(passages.allSatisfy { $0.labels != nil }, "every passage of a readable document is classified")
    }

    @Test func classifySummaryListsLabelsWithSampleEvidence() throws {
        let folder = try Self.fixture()
        let result = try CommandRunner.run(
            ["classify", "--pipeline", "p.yaml", "docs/region/plan.txt"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("demo.laatu: 1 passage (cues: laatu)"))
        #expect(result.stdout.contains("«laadun»"))
    }

    /// With `topic:`, a document that is not about guidance (here: terms of a grant, sent along with the plan)
    /// is read but not labelled, and both outputs say why; the plan is labelled as before; the exit status
    /// stays 0 (nothing needs attention).
    @Test func classifyLeavesADocumentOffTheTopicUnlabelledAndSaysWhy() throws {
        let folder = try Self.fixture(
            pipeline:
                "label_sets:\n  - demo.yaml\ntopic:\n  min_per_1000_words: 20\n  fi: [ohjaus]\n  sv: [vägledning]\n")
        try folder.write(
            Data("Avustuksen käytön laatu tarkastetaan, ja tositteet säilytetään kuusi vuotta.\n".utf8),
            to: "docs/region/ehdot.txt")
        let summary = try CommandRunner.run(
            ["classify", "--pipeline", "p.yaml", "docs/region/plan.txt", "docs/region/ehdot.txt"], in: folder.url)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("demo.laatu: 1 passage (cues: laatu)"), "the plan is labelled")
        #expect(summary.stdout.contains("ehdot.txt: 1 passages, 0 labelled"))
        #expect(summary.stdout.contains("not labelled: the document hardly speaks of guidance — 0 topic words"))
        let json = try CommandRunner.run(
            ["classify", "--json", "--pipeline", "p.yaml", "docs/region/ehdot.txt"], in: folder.url)
        struct Output: Decodable { var documents: [Document] }
        let document = try #require(try JSONDecoder().decode(Output.self, from: Data(json.stdout.utf8)).documents.first)
        #expect(document.passages.allSatisfy { $0.labels == [] })
        #expect(document.diagnostics.map(\.id) == ["classification.off-topic"])
    }

    @Test func evalScoresFindsDocumentsRecursivelyAndReportsUnmatchedQuotes() throws {
        let folder = try Self.fixture()
        let lines = [
            #"{"document": "plan.txt", "quote": "laadun arviointi aloitetaan", "labels": ["demo.laatu"], "sets": ["demo"]}"#,
            #"{"document": "plan.txt", "quote": "kuuluvat kaikki oppilaitokset", "labels": ["demo.verkosto"], "sets": ["demo"]}"#,
            #"{"document": "plan.txt", "quote": "ei puhuta mistään tavoitteesta", "labels": ["demo.laatu"], "sets": ["demo"]}"#,
        ]
        try folder.write(Data(lines.joined(separator: "\n").utf8), to: "gold.jsonl")
        let result = try CommandRunner.run(
            ["eval", "--json", "--baseline", "--pipeline", "p.yaml", "--labels", "gold.jsonl", "--documents", "docs"],
            in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let classifier = try #require(json["classifier"] as? [String: Any])
        let set = try #require((classifier["sets"] as? [[String: Any]])?.first)
        #expect(set["set"] as? String == "demo")
        #expect(set["macroF1"] as? Double == (1.0 + 2.0 / 3.0) / 2)  // verkosto 1.0; laatu tp 1, fn 1
        #expect(json["baseline"] != nil)

        try folder.write(
            Data(
                (lines + [
                    #"{"document": "plan.txt", "quote": "tätä lausetta ei ole asiakirjassa", "labels": [], "sets": ["demo"]}"#
                ]).joined(separator: "\n").utf8), to: "gold2.jsonl")
        let unmatched = try CommandRunner.run(
            ["eval", "--pipeline", "p.yaml", "--labels", "gold2.jsonl", "--documents", "docs"], in: folder.url)
        #expect(unmatched.status == 2)
        #expect(unmatched.stdout.contains("gold2.jsonl:4: not-found in plan.txt"))
    }

    /// Labelled documents in two places (the corpus and ../shared/seeds for elo2020-dev): `--documents` repeats.
    @Test func evalFindsDocumentsInEveryFolderGiven() throws {
        let folder = try Self.fixture()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("more"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: folder.url.appendingPathComponent("docs/region/plan.txt"),
            to: folder.url.appendingPathComponent("more/plan.txt"))
        let line =
            #"{"document": "plan.txt", "quote": "laadun arviointi aloitetaan", "labels": ["demo.laatu"], "sets": ["demo"]}"#
        try folder.write(Data(line.utf8), to: "gold.jsonl")
        let one = try CommandRunner.run(
            ["eval", "--pipeline", "p.yaml", "--labels", "gold.jsonl", "--documents", "docs"], in: folder.url)
        #expect(one.status == 2, "plan.txt is not under docs/ any more: its quote is unmatched")
        let both = try CommandRunner.run(
            ["eval", "--pipeline", "p.yaml", "--labels", "gold.jsonl", "--documents", "docs", "--documents", "more"],
            in: folder.url)
        #expect(both.status == 0, "\(both.stdout)\(both.stderr)")
        let missing = try CommandRunner.run(
            [
                "eval", "--pipeline", "p.yaml", "--labels", "gold.jsonl", "--documents", "docs", "--documents",
                "nowhere",
            ], in: folder.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nowhere"))
    }

    @Test(arguments: [
        // (pipeline text, gold text, expected fragment of the error)
        (
            "label_sets:\n  - demo.yaml\nthreshhold: 0.5\n", nil as String?,
            "p.yaml:3: pipeline: unknown key 'threshhold'"
        ),
        ("label_sets:\n  - missing.yaml\n", nil, "p.yaml:2: label set file 'missing.yaml' not found"),
        (
            "label_sets:\n  - demo.yaml\n",
            #"{"document": "plan.txt", "quote": "laadun", "labels": ["demo.laatu"], "sets": ["demo"]}"# + "\n{bad json",
            "gold.jsonl:2: not a label line"
        ),
        (
            "label_sets:\n  - demo.yaml\n",
            #"{"document": "plan.txt", "quote": "laadun", "labels": ["demo.quality"], "sets": ["demo"]}"#,
            "gold.jsonl:1: unknown label id demo.quality"
        ),
    ])
    func badConfigurationStopsBeforeAnyWork(pipeline: String, gold: String?, message: String) throws {
        let folder = try Self.fixture(pipeline: pipeline)
        let arguments: [String]
        if let gold {
            try folder.write(Data(gold.utf8), to: "gold.jsonl")
            arguments = ["eval", "--pipeline", "p.yaml", "--labels", "gold.jsonl", "--documents", "docs"]
        } else {
            arguments = ["classify", "--pipeline", "p.yaml", "docs/region/plan.txt"]
        }
        let result = try CommandRunner.run(arguments, in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty, "no document output after a configuration error")
    }
}
