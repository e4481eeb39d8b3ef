import EloSettings
import EloTestSupport
import Foundation
import Testing

@testable import EloClassification

@Suite struct LabelSetLoaderTests {
    static let valid = """
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
                - kvalitet
        """

    @Test func loadsCuesWithWeightsAndLines() throws {
        let set = try LabelSetLoader(knownIDs: [:]).load(text: Self.valid, file: "demo.yaml")
        #expect(set.id == "demo")
        #expect(set.labels.map(\.id) == ["demo.laatu"])
        #expect(
            set.labels[0].cues == [
                Cue(term: "laatu", language: .finnish, weight: 1, line: 11),
                Cue(term: "kvalitet", language: .swedish, weight: 1, line: 13),
            ])
    }

    @Test(arguments: [
        // (text, expected line, fragment of the message)
        (
            valid.replacingOccurrences(
                of: "    definition: Quality.", with: "    definition: Quality.\n    colour: red"), 9,
            "unknown key 'colour'"
        ),
        (
            valid
                + "\n  - id: demo.laatu\n    name_fi: A\n    name_sv: B\n    definition: C\n    cues:\n      fi: [xyz]",
            14, "duplicate label id 'demo.laatu'"
        ),
        (
            valid.replacingOccurrences(of: "      sv:\n        - kvalitet", with: "      sv: []"), 12,
            "the sv list is empty"
        ),
        (valid.replacingOccurrences(of: "name_sv: Kvalitet", with: "name_sv: [Kvalitet"), 8, "malformed YAML"),
        (valid.replacingOccurrences(of: "laatu: 1", with: "laatu: paljon"), 11, "must be a number"),
        (valid.replacingOccurrences(of: "set: demo", with: "set: demo\nset: demo2"), 2, "appears twice"),
        (
            valid.replacingOccurrences(
                of: "    definition: Quality.", with: "    definition: Quality.\n    threshold: 1.5"), 9,
            "between 0 and 1"
        ),
        (
            valid.replacingOccurrences(of: "labels:", with: "anchor:\n  section: maybe\n  fi: [ohjaamo]\nlabels:"), 5,
            "true or false"
        ),
        (
            valid.replacingOccurrences(
                of: "labels:", with: "not_addressed:\n  fi: [keskustella]\n  en: [discuss]\nlabels:"), 6,
            "unknown key 'en'"
        ),
        (
            valid.replacingOccurrences(of: "labels:", with: "not_addressed:\n  fi:\n    keskustella: -1\nlabels:"), 6,
            "without weights"
        ),
        (
            valid.replacingOccurrences(
                of: "    definition: Quality.", with: "    definition: Quality.\n    not_addressed: never"), 9,
            "can only be `ignore`"
        ),
    ])
    func rejectsBadFilesNamingFileAndLine(text: String, line: Int, message: String) {
        #expect {
            _ = try LabelSetLoader(knownIDs: [:]).load(text: text, file: "pipelines/labels/demo.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.file == "pipelines/labels/demo.yaml" && error.line == line && error.message.contains(message)
        }
    }

    /// `*`, a wildcard after one or two letters, and terms of one or two letters match words they do not mean.
    @Test(arguments: [
        ("- \"*\"", "`*`"), ("- oh*", "wildcard"), ("- a", "1 letter"), ("- te", "2 letters"),
        ("- \"n å\"", "2 letters"),
    ])
    func rejectsCuesTooShortToMeanAnything(entry: String, message: String) {
        let text = Self.valid.replacingOccurrences(
            of: "      sv:\n        - kvalitet", with: "      sv:\n        - kvalitet\n        \(entry)")
        #expect {
            _ = try LabelSetLoader(knownIDs: [:]).load(text: text, file: "pipelines/labels/demo.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == 14
                && (error.message.contains(message) || (message == "`*`" && error.message.contains("wildcard")))
        }
    }

    @Test func acceptsThreeLettersAndPhrasesOfShortWords() throws {
        let text = Self.valid.replacingOccurrences(
            of: "        - kvalitet", with: "        - kvalitet\n        - tnp\n        - nå unga\n        - ohj*")
        #expect(try LabelSetLoader(knownIDs: [:]).load(text: text, file: "demo.yaml").labels[0].cues.count == 5)
    }

    @Test func readsLabelThresholdAndAnchorRules() throws {
        let text = Self.valid
            .replacingOccurrences(
                of: "labels:",
                with:
                    "anchor:\n  context: 0\n  section: true\n  ignore_list_items: yes\n  from_anchor_sentence: true\n  fi: [ohjaamo]\nlabels:"
            )
            .replacingOccurrences(of: "    definition: Quality.", with: "    definition: Quality.\n    threshold: 0.65")
        let set = try LabelSetLoader(knownIDs: [:]).load(text: text, file: "demo.yaml")
        #expect(set.labels[0].threshold == 0.65)
        #expect(set.anchor?.section == true)
        #expect(set.anchor?.ignoreListItems == true)
        #expect(set.anchor?.fromAnchorSentence == true)
        #expect(set.anchor?.context == 0)
        // without the keys: the pipeline's threshold, no section context, list mentions count, the whole passage counts
        let plain = try LabelSetLoader(knownIDs: [:]).load(text: Self.valid, file: "demo.yaml")
        #expect(plain.labels[0].threshold == nil)
        let anchored = try LabelSetLoader(knownIDs: [:]).load(
            text: Self.valid.replacingOccurrences(of: "labels:", with: "anchor:\n  fi: [ohjaamo]\nlabels:"),
            file: "demo.yaml")
        #expect(anchored.anchor?.fromAnchorSentence == false)
    }

    @Test func readsNotAddressedPhrasesAndTheLabelsOptOut() throws {
        let text = Self.valid
            .replacingOccurrences(
                of: "labels:", with: "not_addressed:\n  fi: [keskustella, siirtyä vuosi]\n  sv: [diskutera]\nlabels:"
            )
            .replacingOccurrences(
                of: "    definition: Quality.", with: "    definition: Quality.\n    not_addressed: ignore")
        let set = try LabelSetLoader(knownIDs: [:]).load(text: text, file: "demo.yaml")
        #expect(set.notAddressed.map(\.term) == ["keskustella", "siirtyä vuosi", "diskutera"])
        #expect(set.labels[0].ignoresNotAddressed)
        #expect(
            try LabelSetLoader(knownIDs: [:]).load(text: Self.valid, file: "demo.yaml").labels[0].ignoresNotAddressed
                == false)
    }

    static let badListAndQuestionRules: [(String, Int, String)] = [
        ("ignore_list_items: maybe", 4, "true or false"),
        ("reader_questions:\n  fi: [te, '-']", 5, "neither a word nor a word ending"),
        ("reader_questions:\n  en: [you]", 5, "unknown key 'en'"),
    ]

    @Test(arguments: badListAndQuestionRules)
    func rejectsBadListAndReaderQuestionRules(keys: String, line: Int, message: String) {
        rejectsBadFilesNamingFileAndLine(
            text: Self.valid.replacingOccurrences(of: "labels:", with: keys + "\nlabels:"), line: line, message: message
        )
    }

    @Test func readsListAndReaderQuestionRules() throws {
        let text = Self.valid.replacingOccurrences(
            of: "labels:", with: "ignore_list_items: true\nreader_questions:\n  fi: [-nne, Te]\n  sv: [ni]\nlabels:")
        let set = try LabelSetLoader(knownIDs: [:]).load(text: text, file: "demo.yaml")
        #expect(set.ignoreListItems)
        #expect(
            set.readerQuestions
                == ReaderQuestionMarkers(words: [.finnish: ["te"], .swedish: ["ni"]], endings: [.finnish: ["nne"]]))
        let plain = try LabelSetLoader(knownIDs: [:]).load(text: Self.valid, file: "demo.yaml")
        #expect(!plain.ignoreListItems && plain.readerQuestions == nil)
    }

    /// `given_with:` reads `all:` and `any:` lists of other labels' ids; a missing `all:`, the label's own id or
    /// an id that is not a label's are rejected at its line.
    @Test func readsGivenWithConditions() throws {
        let text = Self.valid.replacingOccurrences(
            of: "    definition: Quality.",
            with: "    definition: Quality.\n    given_with:\n      all: [okm2011.laatu]\n      any: [x.a, x.b]")
        let set = try LabelSetLoader().load(text: text, file: "demo.yaml")
        #expect(set.labels[0].givenWith == LabelCondition(all: ["okm2011.laatu"], any: ["x.a", "x.b"]))
        #expect(try LabelSetLoader().load(text: Self.valid, file: "demo.yaml").labels[0].givenWith == nil)
    }

    @Test(arguments: [
        ("      any: [x.a]", 10, "needs an `all:` list"),
        ("      all: [demo.laatu]", 10, "not another label's id"),
        ("      all: [laatu]", 10, "not another label's id"),
        ("      all: [okm2011.quality]", 10, "not another label's id"),
        ("      every: [x.a]", 10, "unknown key 'every'"),
    ])
    func rejectsBadGivenWithConditions(entry: String, line: Int, message: String) {
        let text = Self.valid.replacingOccurrences(
            of: "    definition: Quality.", with: "    definition: Quality.\n    given_with:\n" + entry)
        #expect {
            _ = try LabelSetLoader().load(text: text, file: "pipelines/labels/demo.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func rejectsIdsNotInTheTaxonomy() {
        let text = Self.valid.replacingOccurrences(of: "set: demo", with: "set: okm2011").replacingOccurrences(
            of: "demo.laatu", with: "okm2011.quality")
        #expect(throws: ConfigurationError.self) { try LabelSetLoader().load(text: text, file: "okm2011.yaml") }
    }

    @Test func shippedPipelinesLoad() throws {
        for name in ["elo-2014.yaml", "elo-2020.yaml"] {
            let pipeline = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent(name))
            for set in pipeline.labelSets {
                #expect(Set(set.labels.map(\.id)) == Taxonomy.labelIDs[set.id], "\(set.id) ids differ from taxonomy.md")
            }
        }
    }

    @Test func pipelineRejectsUnknownTopLevelKey() throws {
        let folder = try EloTestSupport.TemporaryFolder()
        let file = try folder.write(Data("label_sets: []\nthreshhold: 0.5\n".utf8), to: "p.yaml")
        #expect {
            _ = try PipelineConfiguration.load(file)
        } throws: { error in
            (error as? ConfigurationError)?.line == 2 && "\(error)".contains("unknown key 'threshhold'")
        }
    }
}
