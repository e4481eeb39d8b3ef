import Foundation
import Yams

/// Word forms the morphology gets wrong, listed by hand in `pipelines/labels/lexicon.yaml`:
/// surface form → base form, per language (`navigatorn: navigator`).
public struct HandLexicon: Sendable, Hashable {
    public var finnish: [String: String]
    public var swedish: [String: String]

    public init(finnish: [String: String] = [:], swedish: [String: String] = [:]) {
        self.finnish = finnish
        self.swedish = swedish
    }

    public static func load(_ url: URL, displayPath: String? = nil) throws(ConfigurationError) -> HandLexicon {
        let reader = YAMLReader(file: displayPath ?? url.path)
        let root = try reader.root(of: url)
        var lexicon = HandLexicon()
        for (key, _, value) in try reader.mapping(root, what: "lexicon", allowed: ["fi", "sv"]) {
            var forms: [String: String] = [:]
            for (surface, _, base) in try reader.mapping(value, what: "\(key) forms") {
                forms[surface.lowercased()] = try reader.string(base, what: "base form of '\(surface)'").lowercased()
            }
            if key == "fi" { lexicon.finnish = forms } else { lexicon.swedish = forms }
        }
        return lexicon
    }
}
