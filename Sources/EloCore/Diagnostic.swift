/// A non-fatal finding about one document: plain data with a stable identifier, never printed by the stage
/// that found it. Stable ids (e.g. `extraction.encrypted`) are what scripts and reports key on.
public struct Diagnostic: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Ids the classifier gives (`classification.off-topic`): replaced whenever a version is classified again.
    public static let classificationPrefix = "classification."

    public var id: String
    public var severity: Severity
    /// What is wrong and what to do, for a person.
    public var message: String
    /// The 1-based page the finding is about, when it is about one page.
    public var page: Int?

    public init(id: String, severity: Severity, message: String, page: Int? = nil) {
        self.id = id
        self.severity = severity
        self.message = message
        self.page = page
    }
}
