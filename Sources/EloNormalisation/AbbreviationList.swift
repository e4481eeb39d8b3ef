/// Abbreviations after which a period ends no sentence (`mm.`, `esim.`, `bl.a.`, `t.ex.` …).
///
/// The list is data: `Resources/abbreviations.txt`, compiled into the module. Matching is by the last
/// whitespace-separated token, lower-cased, so `Esim.` and `(ks.` match too.
public struct AbbreviationList: Sendable {
    public let entries: Set<String>

    /// The list shipped with elo.
    public static let standard = AbbreviationList(
        text: String(decoding: PackageResources.abbreviations_txt, as: UTF8.self))

    /// Parses one abbreviation per line; `#` starts a comment line.
    public init(text: String) {
        var entries = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: " \t")
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            entries.insert(entry.lowercased())
        }
        self.entries = entries
    }

    /// Whether `text` ends with an abbreviation (its last token, stripped of opening brackets and quotes).
    public func endsWithAbbreviation(_ text: Substring) -> Bool {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        var start = end
        while start > text.startIndex, text[text.index(before: start)] != " " {
            start = text.index(before: start)
        }
        var token = text[start..<end]
        while let first = token.first, "([\"'“”‘’«".contains(first) { token = token.dropFirst() }
        guard token.last == "." else { return false }
        let lower = token.lowercased()
        if entries.contains(lower) { return true }
        // A lone initial ("J.", "A.") or an ordinal ("3.") before a name or month is no sentence end either.
        let body = lower.dropLast()
        if body.count == 1, let letter = body.first, letter.isLetter { return true }
        return false
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
