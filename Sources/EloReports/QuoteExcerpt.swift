import EloCore

/// A passage shortened to a quote of at most `limit` characters around its first highlighted words, with
/// the highlight ranges moved to match. Ranges are in Swift `Character`s, clamped, sorted and merged.
struct QuoteExcerpt {
    private(set) var text: String
    private(set) var highlights: [Range<Int>]

    init(text: String, highlights: [Range<Int>], limit: Int) {
        let characters = Array(text)
        let merged = Self.merge(highlights, count: characters.count)
        guard characters.count > limit, limit > 2 else {
            self.text = text
            self.highlights = merged
            return
        }
        let room = limit - 2  // two ellipses at most
        let anchor = merged.first?.lowerBound ?? 0
        var start = max(0, anchor - room / 4)
        let end = min(characters.count, start + room)
        start = max(0, end - room)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        self.text = prefix + String(characters[start..<end]) + suffix
        let shift = prefix.isEmpty ? 0 : 1
        self.highlights = merged.compactMap { range in
            let lower = max(range.lowerBound, start)
            let upper = min(range.upperBound, end)
            return lower < upper ? (lower - start + shift)..<(upper - start + shift) : nil
        }
    }

    /// `quote` with every piece passed through `escape`, and the highlighted character ranges set between
    /// `open` and `close` (`<mark>`/`</mark>` in HTML, `**` in Markdown).
    static func marked(
        _ quote: String, _ highlights: [CoverageEvidence.Highlight], escape: (String) -> String,
        open: String, close: String
    ) -> String {
        guard !highlights.isEmpty else { return escape(quote) }  // most passages of a document page: no Character array
        let characters = Array(quote)
        let ranges = merge(highlights.map { $0.start..<max($0.start, $0.end) }, count: characters.count)
        var out = ""
        var position = 0
        for range in ranges {
            out += escape(String(characters[position..<range.lowerBound]))
            out += open + escape(String(characters[range])) + close
            position = range.upperBound
        }
        return out + escape(String(characters[position...]))
    }

    /// Clamps ranges to `0..<count`, drops empty ones, and merges overlapping or touching ones.
    static func merge(_ ranges: [Range<Int>], count: Int) -> [Range<Int>] {
        let clamped = ranges.compactMap { range -> Range<Int>? in
            let lower = max(0, min(range.lowerBound, count))
            let upper = max(0, min(range.upperBound, count))
            return lower < upper ? lower..<upper : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var result: [Range<Int>] = []
        for range in clamped {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
