import EloCore

/// Keeps one document's text within `ExtractionLimits.maxTextBytes` (the pipeline file's `limits.max_text_mb`),
/// so that neither the worker's normalisation nor the ingest process behind it ever handles more.
///
/// The text is cut at the last paragraph end (a blank line) in the last quarter of the budget, else at the last
/// line end, else at the last space, else at a character boundary; what is kept is read as usual, the document
/// becomes `partial`, and an `extraction.text-limit` warning says where the text was cut and how to raise the limit.
struct TextBudget {
    /// UTF-8 bytes kept at most.
    let limit: Int

    /// The part of `text` to keep, or nil when all of it fits.
    func cut(_ text: Substring) -> Substring? {
        let utf8 = text.utf8
        guard utf8.count > limit else { return nil }
        let bytes = Array(utf8.prefix(limit + 1))
        let end = Self.cutOffset(in: bytes, limit: limit)
        return text[..<utf8.index(utf8.startIndex, offsetBy: end)]
    }

    /// Where to cut `bytes` (the text's first `limit + 1` UTF-8 bytes): a byte offset at most `limit` that is a
    /// character boundary, the end of a paragraph or line when there is one not too far back.
    static func cutOffset(in bytes: [UInt8], limit: Int) -> Int {
        let floor = limit - limit / 4
        var lineEnd: Int? = nil
        var offset = limit
        while offset > floor {
            // bytes[offset - 1] is the last byte kept.
            if bytes[offset - 1] == 0x0A {
                if offset >= 2,
                    bytes[offset - 2] == 0x0A || (bytes[offset - 2] == 0x0D && offset >= 3 && bytes[offset - 3] == 0x0A)
                {
                    return offset
                }
                if lineEnd == nil { lineEnd = offset }
            }
            offset -= 1
        }
        if let lineEnd { return lineEnd }
        if let space = bytes[floor..<limit].lastIndex(where: { $0 == 0x20 || $0 == 0x09 }) { return space + 1 }
        var boundary = limit
        while boundary > 0, bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }  // not inside a UTF-8 sequence
        return boundary
    }

    /// Cuts extracted pages (PDF and Word text, already in lines) to the budget, counting a line end after each
    /// line; marks the document and says so when anything was cut.
    func apply(to extracted: inout ExtractedText) {
        var used = 0
        for pageIndex in extracted.pages.indices {
            let lines = extracted.pages[pageIndex].lines
            for lineIndex in lines.indices {
                let size = lines[lineIndex].text.utf8.count + 1
                guard used + size > limit else {
                    used += size
                    continue
                }
                let total = Self.bytes(of: extracted.pages[pageIndex...], from: lineIndex) + used
                var kept = Array(lines[..<lineIndex])
                if used == 0, let part = TextBudget(limit: max(0, limit - 1)).cut(lines[lineIndex].text[...]) {
                    // One line larger than the whole budget (a text without line ends): keep its first part.
                    var line = lines[lineIndex]
                    line.text = String(part)
                    kept.append(line)
                    used = part.utf8.count
                }
                let page = extracted.pages[pageIndex].number
                extracted.pages[pageIndex].lines = kept
                extracted.pages.removeSubrange((pageIndex + 1)...)
                mark(&extracted, keptBytes: used, totalBytes: total, lastPage: page)
                return
            }
        }
    }

    /// UTF-8 bytes (with a line end after each line) from line `lineIndex` of the first of `pages` on.
    private static func bytes(of pages: ArraySlice<PageText>, from lineIndex: Int) -> Int {
        var total = 0
        for (offset, page) in pages.enumerated() {
            for line in page.lines[(offset == 0 ? lineIndex : 0)...] { total += line.text.utf8.count + 1 }
        }
        return total
    }

    /// Makes `extracted` partial with the `extraction.text-limit` warning.
    func mark(_ extracted: inout ExtractedText, keptBytes: Int, totalBytes: Int, lastPage: Int?) {
        extracted.diagnostics.append(
            ExtractionFinding.textLimit(kept: keptBytes, total: totalBytes, limit: limit, lastPage: lastPage).about(
                extracted.path))
        if extracted.status == .ok { extracted.status = .partial }
    }
}
