import CPoppler
import EloCore

/// Cuts one page's text (poppler's UTF-8, reading order, lines ended by `\n`) into `TextLine`s, each with
/// the union of its characters' rectangles as its box, and `bold` when every visible character of it is in
/// one of the `bold` character ranges.
///
/// poppler gives one rectangle per character (Unicode scalar) of the page text, newlines included; the
/// builder walks the UTF-8 bytes once, counting scalars to index the rectangles, and makes one `String`
/// per line. When the rectangle count does not match the text, lines come without boxes.
enum PageLineBuilder {
    static func lines(
        text: UnsafeBufferPointer<UInt8>, rects: UnsafeBufferPointer<PopplerRectangle>, bold: [ClosedRange<Int>] = []
    ) -> [TextLine] {
        guard text.count > 0 else { return [] }
        var scalarCount = 0
        var newlines = 0
        for byte in text {
            if byte & 0xC0 != 0x80 { scalarCount += 1 }
            if byte == 0x0A { newlines += 1 }
        }
        let useBoxes = rects.count == scalarCount
        var lines: [TextLine] = []
        lines.reserveCapacity(newlines + 1)
        var lineStart = 0
        var scalarIndex = -1
        var box = BoxAccumulator()
        var visible = false
        var emphasis = BoldTracker(ranges: useBoxes ? bold : [])
        var gaps = GapTracker()
        for index in 0..<text.count {
            let byte = text[index]
            if byte & 0xC0 != 0x80 { scalarIndex += 1 }
            if byte == 0x0A {
                if visible {
                    lines.append(
                        makeLine(
                            text, lineStart, index, useBoxes ? box.box : nil, bold: emphasis.lineIsBold,
                            spacesBefore: gaps.spacesBefore))
                }
                lineStart = index + 1
                box = BoxAccumulator()
                visible = false
                emphasis.startLine()
                gaps = GapTracker()
                continue
            }
            // Spaces and other ASCII control characters add no ink; every other scalar grows the box.
            if byte > 0x20 && byte != 0x7F {
                visible = true
                if useBoxes && byte & 0xC0 != 0x80 {
                    box.add(rects[scalarIndex])
                    emphasis.see(scalarIndex)
                    gaps.see(rects[scalarIndex], at: index)
                }
            } else if byte == 0x20 || byte == 0x09 {
                gaps.seeSpace()
            }
        }
        if visible {
            lines.append(
                makeLine(
                    text, lineStart, text.count, useBoxes ? box.box : nil, bold: emphasis.lineIsBold,
                    spacesBefore: gaps.spacesBefore))
        }
        return lines
    }

    /// Where a line's characters leave a gap wider than their height with no space between: poppler-glib joins
    /// text set apart on one baseline (table cells, slide boxes side by side: `Normal` … `HardLight` →
    /// `NormalHardLight`), and the words must not run together.
    private struct GapTracker {
        var previous: PopplerRectangle?
        var spaced = false
        /// Byte offsets (in the page text) of the characters a space goes before.
        var spacesBefore: [Int] = []

        mutating func see(_ rect: PopplerRectangle, at index: Int) {
            if let previous, !spaced {
                let height = max(abs(previous.y2 - previous.y1), abs(rect.y2 - rect.y1))
                let gap = min(rect.x1, rect.x2) - max(previous.x1, previous.x2)
                if height > 0, gap > height { spacesBefore.append(index) }
            }
            previous = rect
            spaced = false
        }

        mutating func seeSpace() { spaced = true }
    }

    /// Whether every visible character of the current line lies in a bold range; the ranges are walked once,
    /// as the characters come in order.
    private struct BoldTracker {
        let ranges: [ClosedRange<Int>]
        var next = 0
        var seen = 0
        var boldSeen = 0

        init(ranges: [ClosedRange<Int>]) { self.ranges = ranges }

        mutating func see(_ character: Int) {
            seen += 1
            while next < ranges.count, ranges[next].upperBound < character { next += 1 }
            if next < ranges.count, ranges[next].contains(character) { boldSeen += 1 }
        }

        var lineIsBold: Bool { seen > 0 && boldSeen == seen }

        mutating func startLine() {
            seen = 0
            boldSeen = 0
        }
    }

    private static func makeLine(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ box: Box?, bold: Bool, spacesBefore: [Int]
    ) -> TextLine {
        var stop = end
        while stop > start && (text[stop - 1] == 0x0D || text[stop - 1] == 0x20) { stop -= 1 }
        var pieces: [String] = []
        var from = start
        for cut in spacesBefore where cut > from && cut < stop {
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[from..<cut]), as: UTF8.self))
            from = cut
        }
        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[from..<stop]), as: UTF8.self))
        var line = TextLine(text: pieces.count == 1 ? pieces[0] : pieces.joined(separator: " "), box: box)
        if bold { line.bold = true }
        return line
    }

    private struct BoxAccumulator {
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity

        mutating func add(_ r: PopplerRectangle) {
            minX = min(minX, r.x1, r.x2)
            maxX = max(maxX, r.x1, r.x2)
            minY = min(minY, r.y1, r.y2)
            maxY = max(maxY, r.y1, r.y2)
        }

        var box: Box? {
            guard minX.isFinite, minY.isFinite else { return nil }
            return Box(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        }
    }
}
