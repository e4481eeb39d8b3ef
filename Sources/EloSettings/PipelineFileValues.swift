import EloCore
import Foundation
import Yams

/// The value checks of `PipelineFile`: each returns a typed value or throws an error naming the file, the
/// line, the key and what a valid value looks like.
struct PipelineFileValues {
    let reader: YAMLReader
    let folder: URL

    func fail(_ node: Node?, _ message: String) -> ConfigurationError { reader.fail(node, message) }

    func text(_ node: Node, key: String) throws(ConfigurationError) -> String {
        guard let value = node.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw fail(node, "`\(key)` must be text")
        }
        return value
    }

    func paths(_ node: Node, key: String) throws(ConfigurationError) -> [PipelineFile.Located<String>] {
        guard let items = node.sequence else {
            throw fail(node, "`\(key)` must be a list of file paths, e.g. `- labels/okm2011.yaml`")
        }
        var paths: [PipelineFile.Located<String>] = []
        for item in items {
            guard let path = item.scalar?.string.trimmingCharacters(in: .whitespaces), !path.isEmpty else {
                throw fail(item, "each entry of `\(key)` is a file path, e.g. `- labels/okm2011.yaml`")
            }
            paths.append(.init(value: path, line: item.mark?.line))
        }
        return paths
    }

    func folder(_ node: Node, key: String) throws(ConfigurationError) -> URL {
        guard let path = node.scalar?.string, !path.isEmpty else {
            throw fail(node, "`\(key)` must be a folder path (relative to \(folder.path))")
        }
        return URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
    }

    func fraction(_ node: Node, key: String) throws(ConfigurationError) -> Double {
        guard let value = node.float, (0...1).contains(value) else {
            throw fail(node, "`\(key)` must be a number between 0 and 1, such as 0.5")
        }
        return value
    }

    /// A share written as a fraction (`0.5`) or a percentage (`50%`), returned as 0–1.
    func share(_ node: Node, key: String) throws(ConfigurationError) -> Double {
        let written = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        let value: Double?
        if written.hasSuffix("%") {
            value = Double(written.dropLast().trimmingCharacters(in: .whitespaces)).map { $0 / 100 }
        } else {
            value = Double(written)
        }
        guard let value, value.isFinite, (0...1).contains(value) else {
            throw fail(
                node,
                "`\(key)` must be a fraction between 0 and 1 or a percentage, such as 0.5 or 50%, got `\(written)`")
        }
        return value
    }

    /// The largest value each numeric key takes: beyond it a value is a typo (and, converted to a whole number
    /// or a resource limit, would crash elo or disable the limit).
    static let maxima: [String: Double] = [
        "workers": 256, "keep_runs": 1_000_000,
        "limits.timeout_seconds": 86_400, "limits.cpu_seconds": 86_400, "limits.memory_mb": 1_048_576,
        "limits.documents_per_worker": 1_000_000, "limits.max_text_mb": 512, "limits.max_passages": 1_000_000,
        "ocr.page_timeout_seconds": 86_400, "ocr.document_timeout_seconds": 86_400,
        "ocr_max_pages": 100_000, "ocr_seconds": 86_400, "max_run_minutes": 10_080,
        "coverage.evidence_limit": 1_000, "coverage.near_miss_limit": 1_000,
        "coverage.covered.passages": 100_000, "coverage.weak.passages": 100_000,
        "topic.min_per_1000_words": 1_000,
    ]

    static func maximum(_ key: String) -> Double { maxima[key] ?? 1_000_000 }

    func whole(_ node: Node, key: String, atLeast minimum: Int) throws(ConfigurationError) -> Int {
        let maximum = Int(Self.maximum(key))
        guard let value = node.int, (minimum...maximum).contains(value) else {
            throw fail(
                node,
                "`\(key)` must be a whole number from \(minimum) to \(maximum), got `\(node.scalar?.string ?? "?")`")
        }
        return value
    }

    /// A number above 0 and at most the key's maximum (`maxima`); NaN and infinity are refused.
    func positive(_ node: Node, key: String, unit: String = "") throws(ConfigurationError) -> Double {
        let maximum = Self.maximum(key)
        guard let value = node.float, value.isFinite, value > 0, value <= maximum else {
            throw fail(
                node,
                "`\(key)` must be a number above 0 and at most \(Int(maximum))\(unit), got `\(node.scalar?.string ?? "?")`"
            )
        }
        return value
    }

    /// Minutes from 0 to the key's maximum (`max_run_minutes`: a week); fractions allowed, NaN and infinity refused.
    func minutes(_ node: Node, key: String) throws(ConfigurationError) -> Double {
        let maximum = Self.maximum(key)
        guard let value = node.float, value.isFinite, value >= 0, value <= maximum else {
            throw fail(
                node,
                "`\(key)` must be a number of minutes from 0 to \(Int(maximum)) (a week), such as 120, got `\(node.scalar?.string ?? "?")`"
            )
        }
        return value
    }

    /// The pairs of a nested mapping, its keys checked against `allowed`.
    func section(_ node: Node, key: String, allowed: [String], example: String) throws(ConfigurationError) -> [(
        key: String, keyNode: Node, value: Node
    )] {
        guard node.mapping != nil else { throw fail(node, "`\(key)` must be a mapping (\(example))") }
        let pairs = try reader.mapping(node, what: "`\(key)`")
        for pair in pairs where !allowed.contains(pair.key) {
            throw fail(pair.keyNode, PipelineFile.unknownKey("\(key).\(pair.key)", allowed: allowed))
        }
        return pairs
    }

    func limits(_ node: Node) throws(ConfigurationError) -> PipelineFile.Limits {
        var limits = PipelineFile.Limits()
        let pairs = try section(
            node, key: "limits", allowed: PipelineFile.limitsKeys,
            example: "timeout_seconds, cpu_seconds, memory_mb, documents_per_worker, max_text_mb, max_passages")
        for (key, _, value) in pairs {
            switch key {
            case "timeout_seconds": limits.timeoutSeconds = try positive(value, key: "limits.\(key)", unit: " (a day)")
            case "cpu_seconds":
                limits.cpuSeconds = Int(try positive(value, key: "limits.\(key)", unit: " (a day)").rounded(.up))
            case "memory_mb":
                let memory = Int(try positive(value, key: "limits.\(key)", unit: " (1 TiB)"))
                guard memory >= 256 else {
                    throw fail(
                        value,
                        "`limits.memory_mb` must be at least 256 (the reader itself needs that much address space)")
                }
                limits.memoryMB = memory
            case "max_text_mb": limits.maxTextMB = try whole(value, key: "limits.\(key)", atLeast: 1)
            case "max_passages": limits.maxPassages = try whole(value, key: "limits.\(key)", atLeast: 1)
            default:
                guard let count = value.int, (0...Int(Self.maximum("limits.documents_per_worker"))).contains(count)
                else {
                    throw fail(
                        value,
                        "`limits.documents_per_worker` must be a whole number from 0 to 1000000 (0: never replace a worker), got `\(value.scalar?.string ?? "?")`"
                    )
                }
                limits.documentsPerWorker = count
            }
        }
        return limits
    }

    func passwords(_ node: Node) throws(ConfigurationError) -> [String: String] {
        guard let entries = node.mapping else {
            throw fail(node, "`passwords` must map an inbox path or file name to its password")
        }
        var passwords: [String: String] = [:]
        for (name, password) in entries {
            guard let name = name.string, let value = password.string else {
                throw fail(password, "each password entry is `path: password`")
            }
            passwords[name] = value
        }
        return passwords
    }

    func ocr(_ node: Node) throws(ConfigurationError) -> PipelineFile.OCR {
        func mode(_ node: Node) throws(ConfigurationError) -> String {
            guard let text = node.scalar?.string, PipelineFile.ocrModes.contains(text) else {
                throw fail(node, "`ocr` must be auto, off or force, got `\(node.scalar?.string ?? "?")`")
            }
            return text
        }
        if node.scalar != nil { return PipelineFile.OCR(mode: try mode(node)) }
        guard node.mapping != nil else {
            throw fail(node, "`ocr` must be auto, off, force, or a mapping with mode and languages")
        }
        var ocr = PipelineFile.OCR(mode: "auto")
        for (key, _, value) in try section(node, key: "ocr", allowed: PipelineFile.ocrKeys, example: "mode, languages")
        {
            switch key {
            case "mode": ocr.mode = try mode(value)
            case "languages":
                guard let languages = value.scalar?.string, !languages.isEmpty else {
                    throw fail(value, "`ocr.languages` must name Tesseract languages, e.g. fin+swe")
                }
                ocr.languages = languages
            case "page_timeout_seconds": ocr.pageTimeoutSeconds = try positive(value, key: "ocr.\(key)")
            default: ocr.documentTimeoutSeconds = try positive(value, key: "ocr.\(key)")
            }
        }
        return ocr
    }

    func coverage(_ node: Node) throws(ConfigurationError) -> CoverageThresholds {
        var thresholds = CoverageThresholds.defaults
        let pairs = try section(
            node, key: "coverage", allowed: PipelineFile.coverageKeys,
            example: "covered, weak, near_miss_score, evidence_limit, near_miss_limit")
        for (key, _, value) in pairs {
            switch key {
            case "covered": thresholds.covered = try rule(value, key: key)
            case "weak": thresholds.weak = try rule(value, key: key)
            case "near_miss_score": thresholds.nearMissScore = try fraction(value, key: "coverage.\(key)")
            case "evidence_limit": thresholds.evidenceLimit = try whole(value, key: "coverage.\(key)", atLeast: 0)
            default: thresholds.nearMissLimit = try whole(value, key: "coverage.\(key)", atLeast: 0)
            }
        }
        if let problem = thresholds.problems.first { throw fail(node, problem) }
        return thresholds
    }

    func topic(_ node: Node) throws(ConfigurationError) -> TopicRule {
        var rule = TopicRule(cues: [], minimumPerThousandWords: 0)
        var minimum: Double?
        for (key, _, value) in try section(
            node, key: "topic", allowed: PipelineFile.topicKeys, example: "min_per_1000_words, fi, sv")
        {
            if key == "min_per_1000_words" {
                guard let number = value.float, (0...Self.maximum("topic.min_per_1000_words")).contains(number) else {
                    throw fail(value, "`topic.min_per_1000_words` must be a number from 0 to 1000, such as 2")
                }
                minimum = number
                continue
            }
            guard let items = value.sequence, !items.isEmpty else {
                throw fail(value, "`topic.\(key)` must be a list of words in base form, e.g. `[ohjaus, neuvonta]`")
            }
            for item in items {
                guard let term = item.scalar?.string.trimmingCharacters(in: .whitespaces), !term.isEmpty else {
                    throw fail(item, "each entry of `topic.\(key)` is a word in base form")
                }
                rule.cues.append(Cue(term: term, language: key == "sv" ? .swedish : .finnish, line: item.mark?.line))
            }
        }
        guard let minimum else { throw fail(node, "`topic` needs `min_per_1000_words`, e.g. 2") }
        guard !rule.cues.isEmpty else {
            throw fail(node, "`topic` lists no words — add `fi:` and `sv:` lists, or remove `topic`")
        }
        rule.minimumPerThousandWords = minimum
        return rule
    }

    private func rule(_ node: Node, key: String) throws(ConfigurationError) -> CoverageThresholds.Rule {
        guard let mapping = node.mapping, let passages = mapping["passages"], let score = mapping["score"] else {
            throw fail(node, "`coverage.\(key)` needs `passages` and `score`, e.g. {passages: 1, score: 0.6}")
        }
        for keyNode in mapping.keys where !["passages", "score"].contains(keyNode.string ?? "") {
            throw fail(
                keyNode,
                PipelineFile.unknownKey("coverage.\(key).\(keyNode.string ?? "?")", allowed: ["passages", "score"]))
        }
        return .init(
            passages: try whole(passages, key: "coverage.\(key).passages", atLeast: 0),
            score: try fraction(score, key: "coverage.\(key).score"))
    }
}
