import EloCore
import Foundation
import Yams

/// The pipeline file's report keys, validated at load time with the file and line of any mistake:
///
/// ```yaml
/// title: ELO 2014 — regional coverage    # heading of the reports (default: `name:`, else the file name)
/// coverage:
///   covered: {passages: 1, score: 0.6}   # at least 1 passage scoring ≥ 0.6
///   weak: {passages: 1, score: 0.5}      # else at least 1 scoring ≥ 0.5
///   near_miss_score: 0.25                # passages from here up to the weak score are near-misses
///   evidence_limit: 3                    # best passages shown per region and label
///   near_miss_limit: 3
/// ```
/// Other keys belong to other stages and are ignored here.
public struct CoverageSettings: Sendable, Hashable {
    public var title: String?
    public var thresholds: CoverageThresholds

    public init(title: String? = nil, thresholds: CoverageThresholds = .defaults) {
        self.title = title
        self.thresholds = thresholds
    }

    /// A mistake in the pipeline file's report keys, naming the file and line.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public static func load(_ url: URL) throws(LoadError) -> CoverageSettings {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LoadError(file: url.path, line: nil, message: "cannot read the pipeline file: \(error.localizedDescription)")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws(LoadError) -> CoverageSettings {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw LoadError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        var settings = CoverageSettings()
        guard let mapping = root?.mapping else { return settings }
        if let name = mapping["name"]?.string, !name.isEmpty { settings.title = name }
        if let title = mapping["title"] {
            guard let string = title.string, !string.isEmpty else {
                throw LoadError(file: file, line: title.mark?.line, message: "`title` must be text")
            }
            settings.title = string
        }
        guard let coverage = mapping["coverage"] else { return settings }
        guard let entries = coverage.mapping else {
            throw LoadError(file: file, line: coverage.mark?.line, message: "`coverage` must be a mapping (covered, weak, near_miss_score, …)")
        }
        var thresholds = CoverageThresholds.defaults
        for (keyNode, value) in entries {
            let key = keyNode.string ?? ""
            let line = value.mark?.line ?? keyNode.mark?.line
            switch key {
            case "covered": thresholds.covered = try rule(value, key: key, file: file)
            case "weak": thresholds.weak = try rule(value, key: key, file: file)
            case "near_miss_score": thresholds.nearMissScore = try number(value, key: key, file: file)
            case "evidence_limit": thresholds.evidenceLimit = try whole(value, key: key, file: file)
            case "near_miss_limit": thresholds.nearMissLimit = try whole(value, key: key, file: file)
            default:
                throw LoadError(file: file, line: line, message: "unknown key `coverage.\(key)` — use covered, weak, near_miss_score, evidence_limit or near_miss_limit")
            }
        }
        if let problem = thresholds.problems.first {
            throw LoadError(file: file, line: coverage.mark?.line, message: problem)
        }
        settings.thresholds = thresholds
        return settings
    }

    private static func rule(_ node: Node, key: String, file: String) throws(LoadError) -> CoverageThresholds.Rule {
        guard let mapping = node.mapping, let passages = mapping["passages"], let score = mapping["score"] else {
            throw LoadError(file: file, line: node.mark?.line, message: "`coverage.\(key)` needs `passages` and `score`, e.g. {passages: 1, score: 0.6}")
        }
        return .init(passages: try whole(passages, key: "\(key).passages", file: file),
                     score: try number(score, key: "\(key).score", file: file))
    }

    private static func number(_ node: Node, key: String, file: String) throws(LoadError) -> Double {
        guard let value = node.float, (0...1).contains(value) else {
            throw LoadError(file: file, line: node.mark?.line, message: "`coverage.\(key)` must be a number between 0 and 1")
        }
        return value
    }

    private static func whole(_ node: Node, key: String, file: String) throws(LoadError) -> Int {
        guard let value = node.int, value >= 0 else {
            throw LoadError(file: file, line: node.mark?.line, message: "`coverage.\(key)` must be a whole number")
        }
        return value
    }
}
