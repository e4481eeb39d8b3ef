import EloCore
import Foundation
import Yams

/// Reads a YAML file into Yams nodes and turns every problem into a `ConfigurationError` naming the
/// file and line. Shared by the label-set, lexicon and pipeline loaders.
public struct YAMLReader {
    let file: String

    /// Parses the whole file; malformed YAML becomes an error with the parser's position.
    func root(of url: URL) throws(ConfigurationError) -> Node {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(
                file: file, line: nil,
                message:
                    "cannot read the file (\(error.localizedDescription)) — check the path and that it is UTF-8 text")
        }
        return try root(parsing: text)
    }

    func root(parsing text: String) throws(ConfigurationError) -> Node {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            throw Self.describe(error, file: file)
        }
        guard let node else { throw ConfigurationError(file: file, line: 1, message: "the file is empty") }
        return node
    }

    /// A parser error as `file:line: what is wrong — what to do`, in plain words (`YAMLMessage`), without the
    /// parser's own message (its terms and a copy of the line). Used for every YAML file elo reads.
    public static func describe(_ error: any Error, file: String) -> ConfigurationError {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError(
                file: file, line: mark.line,
                message: "malformed YAML: " + YAMLMessage.plain(problem, column: mark.column))
        case .reader:
            return ConfigurationError(file: file, line: nil, message: "malformed YAML: " + YAMLMessage.notUTF8)
        default:
            return ConfigurationError(file: file, line: nil, message: "malformed YAML: " + YAMLMessage.plain(""))
        }
    }

    func line(_ node: Node) -> Int? { node.mark?.line }

    func fail(_ node: Node?, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node?.mark?.line, message: message)
    }

    /// The pairs of a mapping, with duplicate and unknown keys rejected.
    func mapping(_ node: Node, what: String, allowed: Set<String>? = nil) throws(ConfigurationError) -> [(
        key: String, keyNode: Node, value: Node
    )] {
        guard case .mapping(let mapping) = node else {
            throw fail(node, "\(what) must be a mapping of `key: value` lines")
        }
        var seen: [String: Int] = [:]
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw fail(keyNode, "\(what): keys must be plain words") }
            if let first = seen[key] {
                throw fail(keyNode, "\(what): key '\(key)' appears twice (first on line \(first)) — keep one")
            }
            seen[key] = keyNode.mark?.line ?? 0
            if let allowed, !allowed.contains(key) {
                throw fail(
                    keyNode,
                    "\(what): unknown key '\(key)' — allowed keys are \(allowed.sorted().joined(separator: ", "))")
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    func string(_ node: Node, what: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) must be a single text value") }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw fail(node, "\(what) must not be empty") }
        return value
    }

    func number(_ node: Node, what: String) throws(ConfigurationError) -> Double {
        guard let text = node.scalar?.string, let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw fail(node, "\(what) must be a number such as 0.5")
        }
        return value
    }

    func integer(_ node: Node, what: String) throws(ConfigurationError) -> Int {
        guard let text = node.scalar?.string, let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0
        else {
            throw fail(node, "\(what) must be a whole number such as 1")
        }
        return value
    }

    func boolean(_ node: Node, what: String) throws(ConfigurationError) -> Bool {
        switch node.scalar?.string.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw fail(node, "\(what) must be true or false")
        }
    }

    func sequence(_ node: Node, what: String) throws(ConfigurationError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw fail(node, "\(what) must be a list of `- item` lines") }
        return Array(sequence)
    }
}
