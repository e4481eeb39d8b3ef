import EloSettings

/// Label-set files for tests: complete (every id of the taxonomy, as `LabelSetLoader` requires), with the labels
/// a test cares about first, in its order and with its names and cues.
public enum LabelSetFixture {
    public typealias Label = (id: String, fi: String, sv: String)

    /// The YAML of set `set`: `first`, then the set's other ids (named by their ids), each with `cues`.
    public static func yaml(_ set: String, first: [Label], cues: String = "{fi: {ohjaamo: 1}}") -> String {
        "set: \(set)\nlabels:\n"
            + (first + rest(of: set, after: first)).map { label in
                "  - id: \(label.id)\n    name_fi: \(label.fi)\n    name_sv: \(label.sv)\n    definition: test\n    cues: \(cues)\n"
            }.joined()
    }

    /// The label ids of `set` in the order `yaml` writes them.
    public static func ids(_ set: String, first: [String]) -> [String] {
        first + (Taxonomy.labelIDs[set] ?? []).subtracting(first).sorted()
    }

    private static func rest(of set: String, after first: [Label]) -> [Label] {
        (Taxonomy.labelIDs[set] ?? []).subtracting(first.map(\.id)).sorted().map { (id: $0, fi: $0, sv: $0) }
    }
}
