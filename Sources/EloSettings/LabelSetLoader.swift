import Foundation
import Yams

/// Loads and validates one label-set YAML file. Every problem names the file and the line.
public struct LabelSetLoader: Sendable {
    static let setKeys: Set<String> = [
        "set", "name_fi", "name_sv", "anchor", "not_addressed", "ignore_list_items", "reader_questions", "labels",
    ]
    static let labelKeys: Set<String> = [
        "id", "name_fi", "name_sv", "definition", "cues", "anchor", "threshold", "not_addressed", "given_with",
    ]
    static let anchorKeys: Set<String> = [
        "context", "section", "ignore_list_items", "from_anchor_sentence", "fi", "sv",
    ]

    /// Label ids each known set must define exactly (taxonomy.md); other sets are accepted as written.
    public var knownIDs: [String: Set<String>]

    public init(knownIDs: [String: Set<String>] = Taxonomy.labelIDs) {
        self.knownIDs = knownIDs
    }

    public func load(_ url: URL, displayPath: String? = nil) throws(ConfigurationError) -> LabelSet {
        let reader = YAMLReader(file: displayPath ?? url.path)
        return try load(root: reader.root(of: url), reader: reader)
    }

    /// Parses label-set text (for tests and tools); `file` is the name used in messages.
    public func load(text: String, file: String) throws(ConfigurationError) -> LabelSet {
        let reader = YAMLReader(file: file)
        return try load(root: reader.root(parsing: text), reader: reader)
    }

    private func load(root: Node, reader: YAMLReader) throws(ConfigurationError) -> LabelSet {
        var set = LabelSet(id: "", nameFi: "", nameSv: "", file: reader.file, labels: [])
        var labelsNode: Node?
        for (key, keyNode, value) in try reader.mapping(root, what: "label set", allowed: Self.setKeys) {
            switch key {
            case "set": set.id = try reader.string(value, what: "set")
            case "name_fi": set.nameFi = try reader.string(value, what: "name_fi")
            case "name_sv": set.nameSv = try reader.string(value, what: "name_sv")
            case "anchor": set.anchor = try anchor(value, reader: reader)
            case "not_addressed":
                set.notAddressed = try cues(value, what: "not_addressed", reader: reader)
                if let negative = set.notAddressed.first(where: { $0.weight != 1 }) {
                    throw ConfigurationError(
                        file: reader.file, line: negative.line,
                        message: "not_addressed lists phrases, without weights — write `- \(negative.term)`")
                }
            case "ignore_list_items": set.ignoreListItems = try reader.boolean(value, what: "ignore_list_items")
            case "reader_questions": set.readerQuestions = try readerQuestions(value, reader: reader)
            case "labels": labelsNode = value
            default: throw reader.fail(keyNode, "unknown key '\(key)'")
            }
        }
        guard !set.id.isEmpty else {
            throw reader.fail(root, "missing `set:` — give the label set's id, e.g. `set: okm2011`")
        }
        guard let labelsNode else { throw reader.fail(root, "missing `labels:` — list the labels of set \(set.id)") }
        var seen: [String: Int] = [:]
        for item in try reader.sequence(labelsNode, what: "labels") {
            let label = try label(item, setID: set.id, reader: reader)
            if let first = seen[label.id] {
                throw reader.fail(
                    item, "duplicate label id '\(label.id)' (first on line \(first)) — each id may appear once")
            }
            seen[label.id] = item.mark?.line ?? 0
            set.labels.append(label)
        }
        if let expected = knownIDs[set.id] {
            let missing = expected.subtracting(seen.keys)
            if !missing.isEmpty {
                throw reader.fail(
                    labelsNode,
                    "set \(set.id) lacks label(s) \(missing.sorted().joined(separator: ", ")) — the ids of taxonomy.md are fixed"
                )
            }
        }
        return set
    }

    private func label(_ node: Node, setID: String, reader: YAMLReader) throws(ConfigurationError) -> LabelDefinition {
        var label = LabelDefinition(id: "", nameFi: "", nameSv: "", definition: "", cues: [])
        var sawCues = false
        for (key, keyNode, value) in try reader.mapping(node, what: "label", allowed: Self.labelKeys) {
            switch key {
            case "id": label.id = try reader.string(value, what: "id")
            case "name_fi": label.nameFi = try reader.string(value, what: "name_fi")
            case "name_sv": label.nameSv = try reader.string(value, what: "name_sv")
            case "definition": label.definition = try reader.string(value, what: "definition")
            case "cues":
                sawCues = true
                label.cues = try cues(value, what: "cues of \(label.id.isEmpty ? "label" : label.id)", reader: reader)
            case "threshold":
                let threshold = try reader.number(value, what: "threshold")
                guard (0...1).contains(threshold) else {
                    throw reader.fail(value, "threshold must lie between 0 and 1")
                }
                label.threshold = threshold
            case "not_addressed":
                guard value.scalar?.string.trimmingCharacters(in: .whitespaces) == "ignore" else {
                    throw reader.fail(
                        value,
                        "not_addressed under a label can only be `ignore` (the set's phrases then do not apply to it)")
                }
                label.ignoresNotAddressed = true
            case "given_with": label.givenWith = try givenWith(value, of: label.id, reader: reader)
            case "anchor":
                if value.scalar?.string == "none" {
                    label.anchor = Anchor(cues: [], context: 0)
                } else {
                    label.anchor = try anchor(value, reader: reader)
                }
            default: throw reader.fail(keyNode, "unknown key '\(key)'")
            }
        }
        guard !label.id.isEmpty else { throw reader.fail(node, "label without `id:`") }
        guard label.id.hasPrefix(setID + ".") else {
            throw reader.fail(node, "label id '\(label.id)' must start with '\(setID).'")
        }
        if let expected = knownIDs[setID], !expected.contains(label.id) {
            throw reader.fail(
                node, "unknown label id '\(label.id)' — set \(setID) has \(expected.sorted().joined(separator: ", "))")
        }
        for (name, value) in [("name_fi", label.nameFi), ("name_sv", label.nameSv), ("definition", label.definition)]
        where value.isEmpty {
            throw reader.fail(node, "label \(label.id) lacks `\(name):`")
        }
        guard sawCues else { throw reader.fail(node, "label \(label.id) has no `cues:` — add fi: and sv: cue terms") }
        guard label.cues.contains(where: { $0.weight > 0 }) else {
            throw reader.fail(node, "label \(label.id) has no cue with a positive weight — it could never be given")
        }
        return label
    }

    private func anchor(_ node: Node, reader: YAMLReader) throws(ConfigurationError) -> Anchor {
        var context = 1
        var section = false
        var ignoreListItems = false
        var fromAnchorSentence = false
        var cueNodes: [(Node, Node)] = []
        for (key, keyNode, value) in try reader.mapping(node, what: "anchor", allowed: Self.anchorKeys) {
            switch key {
            case "context": context = try reader.integer(value, what: "anchor context")
            case "section": section = try reader.boolean(value, what: "anchor section")
            case "ignore_list_items": ignoreListItems = try reader.boolean(value, what: "anchor ignore_list_items")
            case "from_anchor_sentence":
                fromAnchorSentence = try reader.boolean(value, what: "anchor from_anchor_sentence")
            default: cueNodes.append((keyNode, value))
            }
        }
        var cues: [Cue] = []
        for (keyNode, value) in cueNodes {
            cues += try cueList(
                value, language: Cue.Language(rawValue: keyNode.scalar?.string ?? "") ?? .finnish, reader: reader)
        }
        guard !cues.isEmpty else { throw reader.fail(node, "anchor has no cue terms — add fi: and/or sv: lists") }
        return Anchor(
            cues: cues, context: context, section: section, ignoreListItems: ignoreListItems,
            fromAnchorSentence: fromAnchorSentence)
    }

    /// `given_with:` is a mapping with `all:` (required) and `any:`, each a list of label ids of the form
    /// `set.label`; a set of taxonomy.md must have the label.
    private func givenWith(_ node: Node, of id: String, reader: YAMLReader) throws(ConfigurationError)
        -> LabelCondition
    {
        var condition = LabelCondition(all: [])
        for (key, _, value) in try reader.mapping(node, what: "given_with", allowed: ["all", "any"]) {
            var ids: [String] = []
            for item in try reader.sequence(value, what: "given_with \(key)") {
                let other = try reader.string(item, what: "given_with \(key) label").trimmingCharacters(
                    in: .whitespaces)
                let set = other.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
                guard other.contains("."), other != id, knownIDs[set].map({ $0.contains(other) }) ?? true else {
                    throw reader.fail(
                        item,
                        "given_with: '\(other)' is not another label's id — write ids as in taxonomy.md, e.g. `- okm2011.osaaminen`"
                    )
                }
                ids.append(other)
            }
            if key == "all" { condition.all = ids } else { condition.any = ids }
        }
        guard !condition.all.isEmpty else {
            throw reader.fail(node, "given_with needs an `all:` list of the labels that must be given with \(id)")
        }
        return condition
    }

    /// `reader_questions:` is a mapping with `fi:` and `sv:`, each a list of second-person words (`te`) and
    /// word endings (`-nne`).
    private func readerQuestions(_ node: Node, reader: YAMLReader) throws(ConfigurationError) -> ReaderQuestionMarkers {
        var markers = ReaderQuestionMarkers()
        for (key, _, value) in try reader.mapping(
            node, what: "reader_questions", allowed: Set(Cue.Language.allCases.map(\.rawValue)))
        {
            let language = Cue.Language(rawValue: key) ?? .finnish
            for item in try reader.sequence(value, what: "reader_questions \(key)") {
                let marker = try reader.string(item, what: "reader_questions \(key) word").trimmingCharacters(
                    in: .whitespaces
                ).lowercased()
                let word = marker.hasPrefix("-") ? String(marker.dropFirst()) : marker
                guard !word.isEmpty, word.allSatisfy(\.isLetter) else {
                    throw reader.fail(
                        item,
                        "reader_questions: '\(marker)' is neither a word nor a word ending — write `- te` or `- -nne`")
                }
                if marker.hasPrefix("-") {
                    markers.endings[language, default: []].append(word)
                } else {
                    markers.words[language, default: []].insert(word)
                }
            }
        }
        guard !markers.words.isEmpty || !markers.endings.isEmpty else {
            throw reader.fail(
                node, "reader_questions is empty — list second-person words under fi: and sv:, or remove the key")
        }
        return markers
    }

    /// `cues:` is a mapping with `fi:` and `sv:`, each a mapping `term: weight` or a list of terms.
    private func cues(_ node: Node, what: String, reader: YAMLReader) throws(ConfigurationError) -> [Cue] {
        var cues: [Cue] = []
        for (key, _, value) in try reader.mapping(node, what: what, allowed: Set(Cue.Language.allCases.map(\.rawValue)))
        {
            let language = Cue.Language(rawValue: key) ?? .finnish
            let list = try cueList(value, language: language, reader: reader)
            guard !list.isEmpty else {
                throw reader.fail(value, "\(what): the \(key) list is empty — add terms or remove `\(key):`")
            }
            cues += list
        }
        guard !cues.isEmpty else { throw reader.fail(node, "\(what) is empty") }
        return cues
    }

    private func cueList(_ node: Node, language: Cue.Language, reader: YAMLReader) throws(ConfigurationError) -> [Cue] {
        var cues: [Cue] = []
        switch node {
        case .mapping:
            for (term, keyNode, value) in try reader.mapping(node, what: "cue list") {
                cues.append(
                    Cue(
                        term: term, language: language, weight: try reader.number(value, what: "weight of '\(term)'"),
                        line: keyNode.mark?.line))
            }
        case .sequence:
            for item in try reader.sequence(node, what: "cue list") {
                cues.append(
                    Cue(term: try reader.string(item, what: "cue term"), language: language, line: item.mark?.line))
            }
        case .scalar:
            if node.scalar?.string.isEmpty ?? true { return [] }
            throw reader.fail(node, "cue terms must be a list (`- term`) or `term: weight` lines")
        }
        for cue in cues where cue.words.isEmpty {
            throw ConfigurationError(file: reader.file, line: cue.line, message: "empty cue term")
        }
        for cue in cues {
            if let problem = Self.tooShort(cue) {
                throw ConfigurationError(file: reader.file, line: cue.line, message: problem)
            }
        }
        return cues
    }

    /// Why a cue is too short to mean anything: `*` alone, a wildcard after fewer than three letters, or a term
    /// of one or two letters (digits count: `2011:15` is a fine cue) — each matches words it does not mean.
    /// nil when the cue is fine.
    static func tooShort(_ cue: Cue) -> String? {
        let isLetter: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        let letters = cue.term.filter(isLetter).count
        if cue.words.contains(where: { $0.hasSuffix("*") && $0.filter(isLetter).count < 3 }) {
            return
                "cue '\(cue.term)': a wildcard after fewer than three letters matches almost any word — write at least three letters before `*`, e.g. `ohjau*`, or the whole word"
        }
        if letters <= 2 {
            return
                "cue '\(cue.term)' has \(letters) letter\(letters == 1 ? "" : "s"): so short a cue matches words it does not mean — write the whole word or a phrase, e.g. `nå unga` instead of `nå`"
        }
        return nil
    }
}
