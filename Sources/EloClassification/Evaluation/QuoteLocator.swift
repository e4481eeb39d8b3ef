import EloCore
import Foundation

/// Finds which passage of a document contains a quote, ignoring differences of whitespace, line
/// breaks, hyphens at line ends and Unicode normalisation.
public struct QuoteLocator: Sendable {
    public enum Location: Sendable, Equatable {
        /// Index into the passages; `occurrences` > 1 when the quote is in several (the first is used).
        case passage(Int, occurrences: Int)
        /// The quote runs over the boundary of two or more passages.
        case spansPassages
        case notFound
    }

    private let canonical: [String]

    public init(passages: [Passage]) {
        canonical = passages.map { Self.canonical($0.text) }
    }

    /// NFC, case-folded, without whitespace, hyphens or soft hyphens — so that a line-break hyphen
    /// resolved on one side and kept on the other still compare equal.
    public static func canonical(_ text: String) -> String {
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
        return String(
            folded.unicodeScalars.filter { scalar in
                !(scalar.properties.isWhitespace || scalar == "-" || scalar == "\u{00AD}" || scalar == "\u{2010}"
                    || scalar == "\u{2011}")
            }.map(Character.init))
    }

    public func locate(_ quote: String) -> Location {
        let needle = Self.canonical(quote)
        guard !needle.isEmpty else { return .notFound }
        let hits = canonical.indices.filter { canonical[$0].contains(needle) }
        if let first = hits.first { return .passage(first, occurrences: hits.count) }
        if canonical.joined().contains(needle) { return .spansPassages }
        return .notFound
    }
}
