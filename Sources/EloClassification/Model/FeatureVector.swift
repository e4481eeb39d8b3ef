/// What the learned layer reads of one passage: feature name → value. Word features are Finnish base forms and
/// compound parts (`fi:ohjaus`) and Swedish stems and compound parts (`sv:vägledning`), weighted 1 + ln(count) and
/// scaled to unit length; `rule:<label>` is the cue rules' score of a label (near-misses included),
/// `given:<label>` 1 when the rules give it; `len:<words>` says how long the passage is.
public struct FeatureVector: Sendable, Hashable {
    public var values: [String: Double]

    public init(values: [String: Double]) { self.values = values }

    /// The length bucket of a passage of `count` words.
    static func lengthFeature(_ count: Int) -> String {
        switch count {
        case ..<8: "len:1-7"
        case ..<16: "len:8-15"
        case ..<32: "len:16-31"
        case ..<64: "len:32-63"
        default: "len:64+"
        }
    }
}
