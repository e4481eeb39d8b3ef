import EloCore

/// How the segmenter tells headings: by size, numbering, capitals or a bold face.
extension PassageSegmenter {
    /// A heading set in bold at the body text's size: one or two bold lines that read like a title.
    func isBoldHeading(_ lines: [String], bold: Bool) -> Bool {
        bold && lines.count <= 2 && isHeadingLike(lines.joined(separator: " "))
    }

    /// A bold title passage is followed by a line that is not bold: the body text under it begins.
    func endsBoldHeading(_ passage: SegmentedPassage, bold: Bool, next: Line) -> Bool {
        passage.kind == .paragraph && !next.bold && isBoldHeading(passage.lines, bold: bold)
    }

    /// A bold line that reads like a title, after a line of body text that ended its sentence.
    func startsBoldHeading(_ line: Line, after previous: Line) -> Bool {
        line.bold && !previous.bold && isHeadingLike(line.text) && splitter.endsSentence(previous.text[...])
    }

    /// A heading: one or two lines, short, no sentence-final period or comma, and set larger than the body
    /// text, numbered like `2.1 Otsikko`, or all in capitals.
    func isHeading(_ lines: [String], heightRatio: Double) -> Bool {
        guard lines.count <= 2 else { return false }
        let text = lines.joined(separator: " ")
        guard isHeadingLike(text) else { return false }
        return heightRatio >= 1.15 || isNumberedHeading(text) || isAllCaps(text)
    }

    func isHeadingLike(_ text: String) -> Bool {
        guard text.utf8.count <= 120, let last = text.last, let first = text.first else { return false }
        return !".,;".contains(last) && (first.isUppercase || first.isNumber)
    }

    /// `2`, `2.1`, `2.1.` or `II` followed by a space and a capitalised word.
    func isNumberedHeading(_ text: String) -> Bool {
        var sawDigit = false
        var index = text.startIndex
        while index < text.endIndex, text[index].isNumber || text[index] == "." {
            if text[index].isNumber { sawDigit = true }
            index = text.index(after: index)
        }
        guard sawDigit, index < text.endIndex, text[index] == " " else { return false }
        let rest = text[text.index(after: index)...]
        guard let first = rest.first, first.isUppercase else { return false }
        return !rest.contains("....")  // table-of-contents lines are no headings
    }

    func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 4
    }

    func startsUpper(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase || first.isNumber || first == "\"" || first == "”"
    }
}
