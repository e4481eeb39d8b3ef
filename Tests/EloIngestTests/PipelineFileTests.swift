import EloClassification
import EloCore
import EloExtraction
import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// One reading of the pipeline file owns its keys: unknown keys are rejected wherever they are, with the
/// file and line, and every stage takes its settings from the same result.
@Suite("pipeline file")
struct PipelineFileTests {
    static let pipelines = IngestFixture.repository.appendingPathComponent("pipelines")

    static func parse(_ yaml: String) throws(ConfigurationError) -> PipelineFile {
        try PipelineFile.parse(yaml, file: "p.yaml", folder: URL(fileURLWithPath: "/srv/elo/pipelines"))
    }

    @Test func theShippedPipelinesGiveEveryStageItsSettings() throws {
        let file = try PipelineFile.read(Self.pipelines.appendingPathComponent("elo-2014.yaml"))
        let ingest = try IngestSettings(file)
        #expect(ingest.inbox == IngestFixture.repository.appendingPathComponent("corpus/inbox").standardizedFileURL)
        #expect(ingest.output == IngestFixture.repository.appendingPathComponent("out").standardizedFileURL)
        #expect(ingest.regions == Self.pipelines.appendingPathComponent("regions").standardizedFileURL)
        #expect(ingest.ocr.mode == .auto && ingest.ocr.languages == "fin+swe")
        #expect(
            ingest.limits == WorkerLimits(timeoutSeconds: 120, cpuSeconds: 120, memoryMB: 2048, documentsPerWorker: 200)
        )
        #expect(ingest.classifies)
        let coverage = CoverageSettings(file)
        #expect(coverage.title == "ELO 2014 — alueellinen kattavuus / regional täckning")
        #expect(
            coverage.thresholds
                == CoverageThresholds(covered: .init(passages: 1, score: 0.5), weak: .init(passages: 1, score: 0.5)))
        let classification = try PipelineConfiguration(file)
        #expect(classification.name == "elo-2014")
        #expect(classification.threshold == 0.5)
        #expect(classification.nearMissScore == 0.25)
        #expect(classification.labelSets.map(\.id) == ["okm2011", "tem2012", "raportti2014", "ohjaamo"])
        #expect(classification.topic?.minimumPerThousandWords == 3)
        #expect(classification.topic?.cues.contains { $0.term == "vägledning" && $0.language == .swedish } == true)

        let later = try PipelineFile.read(Self.pipelines.appendingPathComponent("elo-2020.yaml"))
        #expect(try PipelineConfiguration(later).labelSets.map(\.id) == ["elo2020", "okm2011", "ohjaamo"])
        #expect(CoverageSettings(later).title == "elo-2020", "the name is the reports' title when no title is given")
        #expect(CoverageSettings(later).thresholds == .defaults)
    }

    @Test func documentLimitsComeFromThePipelineFile() throws {
        let file = try Self.parse("inbox: a\noutput: b\nlimits: {max_text_mb: 5, max_passages: 300}\n")
        let limits = try IngestSettings(file).limits
        #expect(limits.document == DocumentLimits(maxTextMB: 5, maxPassages: 300))
        #expect(limits.timeoutSeconds == WorkerLimits().timeoutSeconds, "the other limits keep their defaults")
        #expect(WorkerLimits().document == DocumentLimits(maxTextMB: 10, maxPassages: 10_000))
    }

    @Test func defaultsForWhatTheFileLeavesOut() throws {
        let file = try Self.parse("inbox: ../inbox\noutput: /var/elo\n")
        let ingest = try IngestSettings(file)
        #expect(ingest.inbox.path == "/srv/elo/inbox")
        #expect(ingest.regions.path == "/srv/elo/pipelines/regions")
        #expect(ingest.limits == WorkerLimits())
        #expect(ingest.ocr.mode == .off)
        #expect(ingest.ocrMaxPages == 50 && ingest.ocrSeconds == 300 && ingest.maxRunMinutes == 120)
        #expect(!ingest.classifies)
        #expect(try IngestSettings(file, output: URL(fileURLWithPath: "/tmp/x")).output.path == "/tmp/x")
        #expect(CoverageSettings(file) == CoverageSettings())
        #expect(file.topic == nil, "without `topic:` every document is labelled")
    }

    @Test(arguments: [
        ("label_sets: []\nthreshhold: 0.5\n", "p.yaml:2:", "unknown key 'threshhold'"),
        ("inbox: a\noutput: b\nworker: 2\n", "p.yaml:3:", "unknown key 'worker'"),
        ("limits:\n  timeout_seconds: 5\n  recycle: 5\n", "p.yaml:3:", "unknown key 'limits.recycle'"),
        ("ocr: {mode: auto, dpi: 600}\n", "p.yaml:1:", "unknown key 'ocr.dpi'"),
        ("name: x\ncoverage:\n  nearmiss: 0.2\n", "p.yaml:3:", "unknown key 'coverage.nearmiss'"),
        (
            "coverage:\n  covered: {passages: 1, score: 0.6, quote: yes}\n", "p.yaml:2:",
            "unknown key 'coverage.covered.quote'"
        ),
        ("inbox: a\ninbox: b\n", "p.yaml:2:", "'inbox' appears twice"),
        ("topic:\n  min_per_1000_words: 3\n  en: [guidance]\n", "p.yaml:3:", "unknown key 'topic.en'"),
    ])
    func unknownKeysAreRejectedWithFileAndLine(yaml: String, location: String, message: String) {
        Self.expectRejected(yaml, location: location, message: message)
    }

    @Test(arguments: [
        ("workers: many\n", "p.yaml:1:", "`workers` must be a whole number"),
        ("threshold: 2\n", "p.yaml:1:", "`threshold` must be a number between 0 and 1"),
        ("label_sets: labels/a.yaml\n", "p.yaml:1:", "`label_sets` must be a list of file paths"),
        ("limits: {memory_mb: 5}\n", "p.yaml:1:", "`limits.memory_mb` must be at least 256"),
        ("ocr: sometimes\n", "p.yaml:1:", "`ocr` must be auto, off or force"),
        ("passwords: [a, b]\n", "p.yaml:1:", "`passwords` must map"),
        ("title: {a: b}\n", "p.yaml:1:", "`title` must be text"),
        (
            "topic:\n  min_per_1000_words: -1\n  fi: [ohjaus]\n", "p.yaml:2:",
            "`topic.min_per_1000_words` must be a number from 0 to 1000"
        ),
        ("topic:\n  fi: [ohjaus]\n", "p.yaml:2:", "`topic` needs `min_per_1000_words`"),
        ("topic:\n  min_per_1000_words: 3\n  fi: ohjaus\n", "p.yaml:3:", "`topic.fi` must be a list of words"),
        ("topic:\n  min_per_1000_words: 3\n  sv: []\n", "p.yaml:3:", "`topic.sv` must be a list of words"),
    ])
    func badValuesNameTheKeyAndWhatIsExpected(yaml: String, location: String, message: String) {
        Self.expectRejected(yaml, location: location, message: message)
    }

    /// Numbers out of range are refused with file and line instead of crashing elo (`Int(1e20)` trapped).
    @Test(arguments: [
        (
            "limits:\n  memory_mb: 99999999999999999999\n", "p.yaml:2:",
            "`limits.memory_mb` must be a number above 0 and at most 1048576"
        ),
        (
            "limits:\n  cpu_seconds: 1e20\n", "p.yaml:2:",
            "`limits.cpu_seconds` must be a number above 0 and at most 86400"
        ),
        ("limits: {timeout_seconds: .inf}\n", "p.yaml:1:", "`limits.timeout_seconds` must be a number above 0"),
        ("limits: {cpu_seconds: .nan}\n", "p.yaml:1:", "`limits.cpu_seconds` must be a number above 0"),
        (
            "limits: {documents_per_worker: 99999999999999999999}\n", "p.yaml:1:",
            "`limits.documents_per_worker` must be a whole number from 0 to 1000000"
        ),
        ("workers: 100000\n", "p.yaml:1:", "`workers` must be a whole number from 1 to 256"),
        ("limits: {max_text_mb: 0}\n", "p.yaml:1:", "`limits.max_text_mb` must be a whole number from 1 to 512"),
        ("limits:\n  max_text_mb: 1e20\n", "p.yaml:2:", "`limits.max_text_mb` must be a whole number from 1 to 512"),
        (
            "limits:\n  timeout_seconds: 5\n  max_passages: many\n", "p.yaml:3:",
            "`limits.max_passages` must be a whole number from 1 to 1000000"
        ),
        (
            "ocr: {mode: auto, page_timeout_seconds: 1e300}\n", "p.yaml:1:",
            "`ocr.page_timeout_seconds` must be a number above 0 and at most 86400"
        ),
        (
            "coverage:\n  evidence_limit: 99999999999999999999\n", "p.yaml:2:",
            "`coverage.evidence_limit` must be a whole number from 0 to 1000"
        ),
        (
            "coverage:\n  covered: {passages: 1e20, score: 0.5}\n", "p.yaml:2:",
            "`coverage.covered.passages` must be a whole number from 0 to 100000"
        ),
        (
            "topic:\n  min_per_1000_words: 1e20\n  fi: [ohjaus]\n", "p.yaml:2:",
            "`topic.min_per_1000_words` must be a number from 0 to 1000"
        ),
        ("name: x\nocr_max_pages: 0\n", "p.yaml:2:", "`ocr_max_pages` must be a whole number from 1 to 100000"),
        ("ocr_max_pages: 1e9\n", "p.yaml:1:", "`ocr_max_pages` must be a whole number from 1 to 100000"),
        ("ocr_seconds: -5\n", "p.yaml:1:", "`ocr_seconds` must be a number above 0 and at most 86400"),
        ("ocr_seconds: .nan\n", "p.yaml:1:", "`ocr_seconds` must be a number above 0"),
        (
            "inbox: a\n\nmax_run_minutes: -1\n", "p.yaml:3:",
            "`max_run_minutes` must be a number of minutes from 0 to 10080"
        ),
        ("max_run_minutes: 1e20\n", "p.yaml:1:", "`max_run_minutes` must be a number of minutes from 0 to 10080"),
        ("max_run_minutes: soon\n", "p.yaml:1:", "`max_run_minutes` must be a number of minutes"),
    ])
    func outOfRangeNumbersAreRefusedNotACrash(yaml: String, location: String, message: String) {
        Self.expectRejected(yaml, location: location, message: message)
    }

    /// `yaml` must be refused with an error that starts at `location` (file:line) and says `message`.
    static func expectRejected(_ yaml: String, location: String, message: String) {
        do {
            _ = try Self.parse(yaml)
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(location), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }

    /// Before, a key misspelt in a pipeline without label sets passed the ingest's loader, and coverage keys
    /// were checked by the reports only: now every stage refuses the same file with the same message.
    @Test func everyStageRefusesTheSameMistake() throws {
        let folder = try TemporaryFolder()
        let url = try folder.write(
            Data("inbox: in\noutput: out\ncoverage:\n  near_miss_score: 0.9\n".utf8), to: "p.yaml")
        var messages: [String] = []
        do { _ = try IngestSettings.load(url) } catch { messages.append(error.description) }
        do { _ = try CoverageSettings.load(url) } catch { messages.append(error.description) }
        do { _ = try PipelineConfiguration.load(url) } catch { messages.append(error.description) }
        #expect(messages.count == 3)
        #expect(Set(messages).count == 1, "\(messages)")
        #expect(messages.first?.contains("near_miss_score") == true)
        #expect(messages.first?.hasPrefix("\(url.path):") == true)
    }

    @Test func ocrBudgetsAreReadAndTheOlderDocumentTimeoutStillCounts() throws {
        let given = try IngestSettings(
            Self.parse("inbox: i\noutput: o\nocr_max_pages: 7\nocr_seconds: 90\nmax_run_minutes: 0\n"))
        #expect(given.ocrMaxPages == 7 && given.ocrSeconds == 90 && given.maxRunMinutes == 0)
        let older = try IngestSettings(
            Self.parse("inbox: i\noutput: o\nocr: {mode: auto, document_timeout_seconds: 600}\n"))
        #expect(older.ocrSeconds == 600)
    }

    @Test func ocrModesAreTheExtractionsModes() {
        #expect(PipelineFile.ocrModes == OCRSettings.Mode.allCases.map(\.rawValue))
    }

    @Test func theREADMEListsEveryKey() throws {
        let readme = try String(
            contentsOf: IngestFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        for (key, _) in PipelineFile.keys {
            #expect(readme.contains("`\(key)`"), "README's configuration section does not name `\(key)`")
        }
    }
}
