/// A label as reports name it: its fixed id (`okm2011.laatu`), its set (`okm2011`) and a title for people.
public struct CoverageLabel: Sendable, Codable, Hashable {
    public var id: String
    public var set: String
    public var title: String

    public init(id: String, set: String, title: String) {
        self.id = id
        self.set = set
        self.title = title
    }

    /// The part of the id after the set (`laatu` for `okm2011.laatu`): short column headings.
    public var shortName: String {
        id.hasPrefix(set + ".") ? String(id.dropFirst(set.count + 1)) : id
    }
}
