import EloCore

/// Puts the lines of a page's form-field values among its text lines, in reading order by their place on the
/// page, leaving out a value the page's text already shows (a flattened form draws its values as text).
///
/// A field's area is the box it is typed into, often far taller than a line; its lines are set in it one below
/// the other at the page's median line height, so that later stages that compare line heights (headings, small
/// print in the margins) see them as the body text they are.
enum FormFieldMerge {
    /// Line height for a page without text of its own, in points.
    static let defaultLineHeight = 11.0

    static func merging(_ fieldLines: [TextLine], into lines: [TextLine]) -> [TextLine] {
        guard !fieldLines.isEmpty else { return lines }
        let lineHeight = medianHeight(lines) ?? defaultLineHeight
        var shown = folded(lines.map(\.text).joined())
        var merged = lines
        var previousArea: Box?
        var lineInArea = 0
        for field in fieldLines {
            lineInArea = field.box == previousArea ? lineInArea + 1 : 0
            previousArea = field.box
            let value = folded(field.text)
            guard !value.isEmpty, !shown.contains(value) else { continue }
            var line = field
            line.box = field.box.map {
                Box(x: $0.x, y: $0.y + Double(lineInArea) * lineHeight, width: $0.width, height: lineHeight)
            }
            let top = line.box?.y ?? .infinity
            let place = merged.firstIndex { ($0.box?.y).map { $0 > top } ?? false } ?? merged.endIndex
            merged.insert(line, at: place)
            shown += value
        }
        return merged
    }

    private static func medianHeight(_ lines: [TextLine]) -> Double? {
        let heights = lines.compactMap { $0.box?.height }.filter { $0 > 0 }.sorted()
        return heights.isEmpty ? nil : heights[heights.count / 2]
    }

    /// Lower-cased, without whitespace: a value wrapped over lines in the drawn text still matches.
    private static func folded(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }
}
