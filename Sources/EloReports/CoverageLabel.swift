import EloCore

/// A label as reports name it: its fixed id (`okm2011.laatu`), its set (`okm2011`) and a title for people
/// (the label file's `name_fi`), with the Swedish title (`name_sv`) when the file has one.
public struct CoverageLabel: Sendable, Codable, Hashable {
    public var id: String
    public var set: String
    public var title: String
    /// The label file's `name_sv`; `nil` when it has none (then `title` stands for both languages).
    public var titleSwedish: String?
    /// The score from which the classifier gives the label (the label's `threshold:`, else its pipeline's).
    public var threshold: Double?
    /// Whether a learned layer decides the label beside the cue rules (the pipeline has `model:`).
    public var modelled: Bool?
    /// The labels a passage must carry for this one to be given (`given_with:`'s `all:`); nil when it has none.
    public var givenWith: [String]?

    /// The title in Swedish when `swedish`, else the Finnish title.
    public func title(swedish: Bool) -> String {
        swedish ? titleSwedish ?? title : title
    }

    enum CodingKeys: String, CodingKey {
        case id, set, title, threshold, modelled
        case titleSwedish = "title_sv"
        case givenWith = "given_with"
    }

    /// The part of the id after the set (`laatu` for `okm2011.laatu`): short column headings.
    public var shortName: String {
        id.hasPrefix(set + ".") ? String(id.dropFirst(set.count + 1)) : id
    }
}

extension CoverageLabel {
    /// A label as its label file names it: a label without a Finnish name (`name_fi`) is titled by its id, one
    /// without a Swedish name (`name_sv`) has no Swedish title; `modelled` is left out of the report's JSON
    /// when the label is not.
    public init(id: String, set: String, nameFi: String, nameSv: String, threshold: Double, modelled: Bool) {
        self.init(
            id: id, set: set, title: nameFi.isEmpty ? id : nameFi, titleSwedish: nameSv.isEmpty ? nil : nameSv,
            threshold: threshold, modelled: modelled ? true : nil)
    }
}
