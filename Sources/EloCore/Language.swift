/// Language of a passage or a whole document, as the index and reports record it.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case finnish = "fi"
    case swedish = "sv"
    /// Substantial Finnish and Swedish text in the same document (bilingual submissions).
    case mixed
    case english = "en"
    /// Too little text to tell, or none of the languages above.
    case unknown
}
