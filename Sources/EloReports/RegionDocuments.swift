import EloCore

/// What coverage is computed from for one region: its latest document versions (readable or not) with
/// classified passages, and the versions they replaced, as the index hands them over.
public struct RegionDocuments: Sendable {
    public var region: String
    public var name: String
    public var current: [Document]
    /// The region's documents as they were before its latest new versions: unchanged documents plus the
    /// versions the new ones replaced (empty when every document is a first version).
    public var previous: [Document]
    /// The region's language from its region file (`language: sv`), if it gives one.
    public var language: Language?

    public init(region: String, name: String, current: [Document], previous: [Document] = [], language: Language? = nil)
    {
        self.region = region
        self.name = name
        self.current = current
        self.previous = previous
        self.language = language
    }
}
