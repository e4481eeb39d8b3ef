/// `FILE.meta.yaml` beside a document: what the region told us about it (each nil when not given).
public struct Sidecar: Sendable, Hashable {
    public var region: String?
    public var round: String?
    public var type: String?
    public var password: String?

    public init(region: String? = nil, round: String? = nil, type: String? = nil, password: String? = nil) {
        self.region = region
        self.round = round
        self.type = type
        self.password = password
    }
}
