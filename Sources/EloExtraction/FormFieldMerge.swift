import EloCore

/// Puts the lines of a page's form-field values among its text lines, in reading order by their place on the
/// page, leaving out a value the page's text already shows (a flattened form draws its values as text).
enum FormFieldMerge {
    static func merging(_ fieldLines: [TextLine], into lines: [TextLine]) -> [TextLine] {
        guard !fieldLines.isEmpty else { return lines }
        var shown = folded(lines.map(\.text).joined())
        var merged = lines
        for field in fieldLines {
            let value = folded(field.text)
            guard !value.isEmpty, !shown.contains(value) else { continue }
            let top = field.box?.y ?? .infinity
            let place = merged.firstIndex { line in (line.box?.y).map { $0 > top } ?? false } ?? merged.endIndex
            merged.insert(field, at: place)
            shown += value
        }
        return merged
    }

    /// Lower-cased, without whitespace: a value wrapped over lines in the drawn text still matches.
    private static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }
}
