/// A label that lies where others meet (`given_with:` in a label-set file). Every label of `all` is required:
/// without them the label is not given, whatever its own cues and model say. With them and at least one label of
/// `any`, it is given even where its own words are missing. tem2012.osaaminen is guidance competence
/// (okm2011.osaaminen) developed in or through the network (tem2012.verkosto or okm2011.koordinaatio).
public struct LabelCondition: Sendable, Hashable {
    /// Labels that must all be given to the passage.
    public var all: [String]
    /// Labels of which one, with `all`, gives the label on their own (empty: only its own decision can).
    public var any: [String]

    public init(all: [String], any: [String] = []) {
        self.all = all
        self.any = any
    }

    /// Every label the condition names.
    public var labels: [String] { all + any }

    /// Whether the condition holds in a pipeline with these labels: only where it has every label the condition
    /// names; otherwise the label is decided on its own cues and model, as without `given_with:`.
    public func applies(among pipelineLabels: Set<String>) -> Bool { labels.allSatisfy(pipelineLabels.contains) }

    /// Whether every label of `all` is among `given`.
    public func allows(given: Set<String>) -> Bool { all.allSatisfy(given.contains) }

    /// Whether the labels `given` give the label by themselves: all of `all` and one of `any`.
    public func gives(given: Set<String>) -> Bool {
        allows(given: given) && any.contains(where: given.contains)
    }
}
