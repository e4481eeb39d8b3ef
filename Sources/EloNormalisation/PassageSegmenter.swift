import EloCore

/// One passage as the segmenter found it: its cleaned lines, not yet joined.
public struct SegmentedPassage: Sendable, Hashable {
    public var page: Int
    public var kind: Passage.Kind
    public var lines: [String]
}

/// Groups the cleaned lines of each page into headings, paragraphs and list items.
///
/// PDF lines (with boxes) break into a new passage at a bullet, a vertical gap over 1.4× the usual line
/// pitch, a jump in line height, an indented first line, a list item's continuation going back to the
/// bullet's margin, or after a short line that ends a sentence (an abbreviation such as `esim.` ends
/// none, see ``SentenceSplitter``). Plain-text lines break at blank lines — in slide exports, where every
/// line is followed by an empty line, only at whitespace-only lines or two blank lines — at bullets,
/// indented lines, and after a clearly short line that ends a sentence. Passages never cross pages.
/// None of these breaks a word split at a line end with a hyphen (``LineBreakHyphenResolver/continuesBrokenWord(_:_:)``): a line
/// that goes on with it stays in the passage, however the break looks.
public struct PassageSegmenter {
    public let splitter: SentenceSplitter

    public init(splitter: SentenceSplitter) { self.splitter = splitter }

    struct Line {
        var text: String
        var bullet: Bool
        var box: Box?
        /// Blank line; `spacesOnly` when it held whitespace (a paragraph separator in slide exports).
        var blank: Bool
        var spacesOnly: Bool
        var indented: Bool
        /// A table-of-contents entry (it had dot leaders): it ends its passage.
        var tocEntry = false
        /// The extractor marked the line as a whole heading (`TextLine.role`, from Word styles).
        var heading = false
        /// The whole line is set in bold (`TextLine.bold`, PDF text layers).
        var bold = false
    }

    /// Geometry shared by all pages of one document.
    struct Metrics {
        var bodyHeight = 10.0
        var pitch = 12.0
        var typicalLength = 80
        var doubleSpaced = false
    }

    public func run(_ pages: [PageText]) -> [SegmentedPassage] {
        let prepared = pages.map { $0.lines.map(Self.prepare) }
        let metrics = Self.metrics(prepared)
        var passages: [SegmentedPassage] = []
        for (page, lines) in zip(pages, prepared) {
            if lines.contains(where: { $0.box != nil }) {
                segmentPDF(
                    page: page.number, lines: lines.filter { !$0.blank || $0.bullet }, metrics: metrics, into: &passages
                )
            } else {
                segmentPlain(page: page.number, lines: lines, metrics: metrics, into: &passages)
            }
        }
        return mergingAcrossPages(passages)
    }

    /// A paragraph that runs over a page break is one passage, on the page where it starts: the last
    /// passage of a page that ends mid-sentence takes in the next page's first paragraph when that starts
    /// in lower case or goes on with a word the page broke with a hyphen.
    func mergingAcrossPages(_ passages: [SegmentedPassage]) -> [SegmentedPassage] {
        var result: [SegmentedPassage] = []
        result.reserveCapacity(passages.count)
        for passage in passages {
            if let last = result.last, last.page < passage.page, last.kind != .heading, passage.kind == .paragraph,
                let lastLine = last.lines.last, !splitter.endsSentence(lastLine[...]), !lastLine.hasSuffix(":"),
                let first = passage.lines.first,
                first.first?.isLowercase == true || LineBreakHyphenResolver.continuesBrokenWord(lastLine, first)
            {
                result[result.count - 1].lines += passage.lines
                continue
            }
            result.append(passage)
        }
        return result
    }

    /// `1. text` or `a) text`: an item of a numbered list.
    func isNumberedItem(_ text: String) -> Bool {
        let head = text.prefix(4)
        guard let marker = head.firstIndex(where: { $0 == "." || $0 == ")" }), marker > head.startIndex,
            text[..<marker].allSatisfy({ $0.isNumber })
                || (text.distance(from: text.startIndex, to: marker) == 1 && text.first!.isLowercase),
            text[text.index(after: marker)...].first == " "
        else { return false }
        return true
    }

    static func prepare(_ line: TextLine) -> Line {
        let raw = UnicodeCleaner.clean(line.text)
        let cleaned = removingDotLeaders(raw)
        let tocEntry = cleaned.utf8.count != raw.utf8.count
        let indented = line.text.first.map { $0 == " " || $0 == "\t" || $0 == "\u{A0}" } ?? false
        if cleaned.isEmpty {
            return Line(
                text: "", bullet: false, box: line.box, blank: true, spacesOnly: !line.text.isEmpty, indented: false)
        }
        if ListMarker.isLoneBullet(cleaned) {
            return Line(text: "", bullet: true, box: line.box, blank: true, spacesOnly: false, indented: indented)
        }
        if let item = ListMarker.strip(cleaned) {
            return Line(text: item, bullet: true, box: line.box, blank: false, spacesOnly: false, indented: indented)
        }
        return Line(
            text: cleaned, bullet: false, box: line.box, blank: false, spacesOnly: false, indented: indented,
            tocEntry: tocEntry, heading: line.role == .heading, bold: line.bold == true)
    }

    /// Table-of-contents leaders (`Yleistä ........ 3` → `Yleistä 3`): runs of four or more periods or
    /// ellipses become one space.
    static func removingDotLeaders(_ text: String) -> String {
        guard hasLeader(text) else { return text }
        var output = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        func flush() {
            if run.count >= 4 || (run.count >= 2 && run.allSatisfy { $0 == "…" }) {
                if output.last != " " { output.append(" ") }
            } else {
                output.append(contentsOf: run)
            }
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if scalar == "." || scalar == "…" {
                run.append(scalar)
                continue
            }
            flush()
            if scalar == " ", output.last == " " { continue }
            output.append(scalar)
        }
        flush()
        while output.last == " " { output.removeLast() }
        return String(output)
    }

    static func hasLeader(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte == 0x2E {
                run += 1
                if run >= 4 { return true }
            } else {
                run = 0
            }
        }
        return text.unicodeScalars.contains("…") && text.contains("……")
    }

    static func metrics(_ pages: [[Line]]) -> Metrics {
        var metrics = Metrics()
        var heights: [Double] = []
        var pitches: [Double] = []
        var lengths: [Int] = []
        var textLines = 0
        var wrapped = 0
        var continuations = 0
        var paragraphBreaks = 0
        for lines in pages {
            var previous: Box? = nil
            for (index, line) in lines.enumerated() where !line.blank {
                textLines += 1
                lengths.append(line.text.utf8.count)
                if index + 2 < lines.count, lines[index + 1].blank, !lines[index + 1].spacesOnly,
                    !lines[index + 2].blank
                {
                    // A finished sentence followed by a capitalised line is an ordinary paragraph break
                    // (one paragraph per line, blank lines between), not a slide line broken mid-sentence.
                    let endsParagraph =
                        line.text.last.map { ".!?".contains($0) } == true
                        && lines[index + 2].text.first.map { $0.isUppercase || $0.isNumber } == true
                    if endsParagraph { paragraphBreaks += 1 } else { wrapped += 1 }
                    if lines[index + 2].text.first?.isLowercase == true { continuations += 1 }
                }
                guard let box = line.box else { continue }
                heights.append(box.height)
                if let previous {
                    let delta = box.y - previous.y
                    if delta > 0, delta < 3 * max(box.height, previous.height) { pitches.append(delta) }
                }
                previous = box
            }
        }
        if let height = median(heights) { metrics.bodyHeight = height }
        if let pitch = median(pitches) { metrics.pitch = pitch }
        lengths.sort()
        if !lengths.isEmpty { metrics.typicalLength = lengths[min(lengths.count - 1, lengths.count * 9 / 10)] }
        metrics.doubleSpaced =
            textLines >= 4 && Double(wrapped) >= 0.4 * Double(textLines) && continuations >= paragraphBreaks
        return metrics
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }

    // MARK: PDF pages

    private func segmentPDF(page: Int, lines: [Line], metrics: Metrics, into passages: inout [SegmentedPassage]) {
        guard !lines.isEmpty else { return }
        let boxes = lines.compactMap(\.box)
        let left = boxes.map(\.x).min() ?? 0
        let right = boxes.map(\.maxX).max() ?? 0
        var current: SegmentedPassage? = nil
        var currentHeight = 0.0
        var bulletX = 0.0
        var previous: Line? = nil
        // Lone bullets waiting for their text: extractors often give a column of bullets first, then the
        // items, so each bullet is matched with the line on its row.
        var pendingBullets: [Box] = []
        var currentBold = false  // every line of the current passage is bold
        func close() {
            if var passage = current {
                if passage.kind == .paragraph,
                    isHeading(passage.lines, heightRatio: currentHeight / metrics.bodyHeight)
                        || isBoldHeading(passage.lines, bold: currentBold)
                {
                    passage.kind = .heading
                } else if passage.kind == .paragraph, isNumberedItem(passage.lines[0]) {
                    passage.kind = .listItem
                }
                passages.append(passage)
            }
            current = nil
        }
        for line in lines {
            let box = line.box ?? Box(x: left, y: 0, width: 0, height: metrics.bodyHeight)
            if line.blank {  // a bullet alone
                close()
                pendingBullets.append(box)
                previous = nil
                continue
            }
            let onBulletRow = pendingBullets.firstIndex {
                abs($0.y - box.y) < 0.5 * max($0.height, box.height) && box.x > $0.x
            }
            if line.bullet || onBulletRow != nil {
                if let onBulletRow { bulletX = pendingBullets.remove(at: onBulletRow).x }
                close()
                current = SegmentedPassage(page: page, kind: .listItem, lines: [line.text])
                currentHeight = box.height
                if line.bullet { bulletX = box.x }
                previous = line
                continue
            }
            if let previousLine = previous, let previousBox = previousLine.box, let passage = current,
                !LineBreakHyphenResolver.continuesBrokenWord(previousLine.text, line.text)
            {
                if startsNewPassage(
                    line: line, box: box, previous: previousLine, previousBox: previousBox,
                    kind: passage.kind, bulletX: bulletX, left: left, right: right, metrics: metrics)
                    || endsBoldHeading(passage, bold: currentBold, next: line)
                    || startsBoldHeading(line, after: previousLine)
                {
                    close()
                }
            }
            if current == nil {
                current = SegmentedPassage(page: page, kind: .paragraph, lines: [line.text])
                currentHeight = box.height
                currentBold = line.bold
            } else {
                current!.lines.append(line.text)
                currentHeight = max(currentHeight, box.height)
                currentBold = currentBold && line.bold
            }
            previous = line
        }
        close()
    }

    private func startsNewPassage(
        line: Line, box: Box, previous: Line, previousBox: Box, kind: Passage.Kind,
        bulletX: Double, left: Double, right: Double, metrics: Metrics
    ) -> Bool {
        let delta = box.y - previousBox.y
        // The rest of the same row (a section number and its title set apart): the passage goes on.
        if abs(delta) < 0.5 * previousBox.height, box.x >= previousBox.maxX { return false }
        if previous.tocEntry { return true }
        let scale = max(1, previousBox.height / metrics.bodyHeight)
        if delta > 1.4 * metrics.pitch * scale { return true }
        let heightRatio = max(box.height, previousBox.height) / max(0.1, min(box.height, previousBox.height))
        if heightRatio > 1.2 { return true }
        let previousEndsSentence = splitter.endsSentence(previous.text[...])
        if delta < -previousBox.height { return previousEndsSentence }  // next column: goes on unless it ended
        if kind == .listItem {
            if box.x <= bulletX + 2 { return true }
        } else if box.x > previousBox.x + max(8, 1.2 * box.height), startsUpper(line.text),
            previousEndsSentence || isNumberedHeading(previous.text)
        {
            return true
        }
        let short = previousBox.maxX < right - 0.15 * (right - left)
        if short, previousEndsSentence || previous.text.hasSuffix(":") { return true }
        if short, isHeadingLike(previous.text), startsUpper(line.text) { return true }
        return false
    }

    // MARK: Plain-text pages

    private func segmentPlain(page: Int, lines: [Line], metrics: Metrics, into passages: inout [SegmentedPassage]) {
        var current: SegmentedPassage? = nil
        var blankRun = 0
        var pendingBullet = false
        var startsIndented = false
        var previousTOCEntry = false
        // Blank lines that would end the passage, unless the next line goes on with a word broken by a hyphen.
        var breakPending = false
        func close() {
            if var passage = current {
                let slideTitle =
                    startsIndented && passage.lines.count == 1 && passage.lines[0].utf8.count <= 60
                    && isHeadingLike(passage.lines[0])
                if passage.kind == .paragraph, slideTitle || isHeading(passage.lines, heightRatio: 1) {
                    passage.kind = .heading
                }
                passages.append(passage)
            }
            current = nil
        }
        for line in lines {
            if line.blank && line.bullet {
                close()
                pendingBullet = true
                continue
            }
            if line.blank {
                blankRun += 1
                if !metrics.doubleSpaced || line.spacesOnly || blankRun >= 2 { breakPending = true }
                continue
            }
            blankRun = 0
            let continuesWord =
                current?.lines.last.map { LineBreakHyphenResolver.continuesBrokenWord($0, line.text) } ?? false
            if breakPending, !continuesWord { close() }
            breakPending = false
            let afterTOCEntry = previousTOCEntry
            previousTOCEntry = line.tocEntry
            if line.heading {
                close()
                passages.append(SegmentedPassage(page: page, kind: .heading, lines: [line.text]))
                continue
            }
            if line.bullet || pendingBullet {
                pendingBullet = false
                close()
                current = SegmentedPassage(page: page, kind: .listItem, lines: [line.text])
                continue
            }
            if let passage = current, let last = passage.lines.last, !continuesWord {
                let endsSentence = splitter.endsSentence(last[...])
                let shortLast = last.utf8.count < metrics.typicalLength * 3 / 4
                if afterTOCEntry || (line.indented && passage.kind != .listItem) {
                    close()
                } else if endsSentence && startsUpper(line.text) && shortLast {
                    close()
                } else if metrics.doubleSpaced, !endsSentence, startsNewCell(line.text, after: last) {
                    close()  // a slide table flattened to one cell per line: a capital after an unfinished line
                } else if passage.lines.count == 1, isHeadingLike(last), startsUpper(line.text),
                    isNumberedHeading(last) || isAllCaps(last) || last.utf8.count < metrics.typicalLength * 6 / 10
                {
                    close()  // a title line: short, no final punctuation, and the next line starts anew
                }
            }
            if current == nil {
                startsIndented = line.indented
                current = SegmentedPassage(page: page, kind: .paragraph, lines: [line.text])
            } else {
                current!.lines.append(line.text)
            }
        }
        close()
    }

    /// In a double-spaced slide export, a line that starts with a capitalised word (not an acronym) after a
    /// line that leaves nothing hanging (no comma, abbreviation, hyphen, slash, opening bracket or conjunction
    /// at its end) starts a new passage: slide text wraps sentences in lower case, while the cells of a
    /// flattened table each begin with a capital.
    func startsNewCell(_ text: String, after previous: String) -> Bool {
        guard let first = text.first, first.isLetter, first.isUppercase, let end = previous.last else { return false }
        // An acronym or a word in capitals (`ELO-ryhmän`, `ESR-toiminnassa`, a title in capitals going on)
        // continues a sentence as often as it starts a cell.
        let firstWord = text.prefix { $0 != " " && $0 != "-" }
        if firstWord.filter(\.isLetter).count >= 2, !firstWord.contains(where: \.isLowercase) { return false }
        // (a period here is an abbreviation's: the caller has ruled out a sentence end)
        if ",.-–—/(:+&".contains(end) { return false }
        let lastWord = previous.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return !LineBreakHyphenResolver.conjunctions.contains(lastWord) && !Self.hangingWords.contains(lastWord)
    }

    /// Words that leave a line hanging besides the conjunctions: prepositions and articles.
    static let hangingWords: Set<String> = [
        "kuin", "että", "i", "på", "av", "för", "till", "med", "om", "en", "ett", "the", "of", "to", "in",
    ]
}
