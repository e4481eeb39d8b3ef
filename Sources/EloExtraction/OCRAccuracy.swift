/// Character accuracy of recognised text against a reference: `1 − edit distance / reference length`, on
/// whitespace-normalised text (runs of whitespace folded to one space, ends trimmed). Used by the OCR
/// quality measurement (`scripts/ocr-quality.sh`).
public enum OCRAccuracy {
    /// Edit distance and reference length, so that several pages can be summed before dividing.
    public static func distance(recognised: String, reference: String) -> (distance: Int, length: Int) {
        let a = Array(normalise(reference).unicodeScalars)
        let b = Array(normalise(recognised).unicodeScalars)
        if a.isEmpty { return (b.count, 0) }
        if b.isEmpty { return (a.count, a.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return (previous[b.count], a.count)
    }

    public static func accuracy(recognised: String, reference: String) -> Double {
        let (distance, length) = self.distance(recognised: recognised, reference: reference)
        return length == 0 ? (distance == 0 ? 1 : 0) : max(0, 1 - Double(distance) / Double(length))
    }

    /// Folds whitespace runs to one space and trims; drops soft hyphens, and dot leaders (runs of four or
    /// more periods, as in tables of contents), which the normaliser removes as well.
    public static func normalise(_ text: String) -> String {
        var folded = FoldedText()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\u{AD}" { continue }
            if scalar == "." || scalar == "…" {
                var end = index
                while end < scalars.count, scalars[end] == "." || scalars[end] == "…" { end += 1 }
                if end - index >= 3 {
                    index = end
                    folded.space()
                    continue
                }
            }
            if scalar.properties.isWhitespace {
                folded.space()
            } else {
                folded.append(scalar)
            }
        }
        return folded.text
    }
}
