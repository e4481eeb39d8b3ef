import EloCore

/// Removes running headers, footers and page numbers: lines in the top or bottom band of a page whose
/// text, with digits masked, recurs on at least half of the pages (and on 3 pages or more), and lines in
/// those bands that are nothing but a page number (`12`, `- 3 -`, `3 (25)`, `Sivu 3 / 20`, `Sida 2 av 9`),
/// letterhead contact details, or short fragments in small print. Recurrence is counted on pages that have text
/// outside their bands: a line recurring only on pages with nothing else is their content.
public struct RunningHeaderFilter: Sendable {
    /// Share of the page height at the top and at the bottom where headers and footers live.
    public var band: Double = 0.1
    /// Share of the pages a line must recur on to count as a running header or footer.
    public var minimumShare: Double = 0.5
    public var minimumPages: Int = 3

    public init() {}

    /// The pages without their running headers, footers and page numbers, and how many lines went.
    public func run(_ pages: [PageText]) -> (pages: [PageText], removed: Int) {
        // Band lines with their comparison keys, made once.
        let bands = pages.map { page in bandLines(page).map { (index: $0, key: Self.key(page.lines[$0].text)) } }
        let heights = pages.flatMap { $0.lines.compactMap { $0.box?.height } }.sorted()
        let bodyHeight = heights.isEmpty ? 0 : heights[heights.count / 2]
        var pagesPerKey: [String: Int] = [:]
        // Only pages with text outside their bands count: a line that is all its pages say (a document of one
        // line a page, `Potato 1`, `Potato 2`, …) is their content, not a running header.
        let bodied = zip(pages, bands).map { page, band in Self.hasBody(page, besides: band.map(\.index)) }
        for (band, hasBody) in zip(bands, bodied) where hasBody {
            var seen = Set<String>()
            for (_, key) in band where !key.isEmpty && seen.insert(key).inserted { pagesPerKey[key, default: 0] += 1 }
        }
        // Short documents (2–3 pages): a band line must be on every page.
        let needed =
            pages.count < minimumPages
            ? max(2, pages.count)
            : max(minimumPages, Int((Double(pages.count) * minimumShare).rounded(.up)))
        var removed = 0
        var result: [PageText] = []
        result.reserveCapacity(pages.count)
        for ((page, band), hasBody) in zip(zip(pages, bands), bodied) {
            var drop = Set<Int>()
            for (index, key) in band {
                // Small print is a margin note beside the page's own text; on a page without any, it is the text.
                if Self.isPageNumber(key) || Self.isContactLine(key) || (pagesPerKey[key] ?? 0) >= needed
                    || (hasBody && Self.isMarginNote(page.lines[index], bodyHeight: bodyHeight))
                {
                    drop.insert(index)
                }
            }
            removed += drop.count
            var filtered = page
            if !drop.isEmpty {
                filtered.lines = page.lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            }
            result.append(filtered)
        }
        return (result, removed)
    }

    /// Whether `page` has a line with a letter in it outside the band lines `bandIndices`.
    static func hasBody(_ page: PageText, besides bandIndices: [Int]) -> Bool {
        let band = Set(bandIndices)
        return page.lines.indices.contains { index in
            !band.contains(index) && page.lines[index].text.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
    }

    /// Indices of the lines in the header and footer bands. Without boxes (plain text): the first and
    /// last non-blank line.
    func bandLines(_ page: PageText) -> [Int] {
        let boxes = page.lines.compactMap(\.box)
        if boxes.count == page.lines.count, !boxes.isEmpty {
            let height = page.height ?? boxes.map(\.maxY).max() ?? 0
            guard height > 0 else { return [] }
            return page.lines.indices.filter { index in
                let box = page.lines[index].box!
                return box.y < height * band || box.maxY > height * (1 - band)
            }
        }
        let nonBlank = page.lines.indices.filter { !page.lines[$0].text.allSatisfy(\.isWhitespace) }
        guard let first = nonBlank.first, let last = nonBlank.last else { return [] }
        return first == last ? [first] : [first, last]
    }

    /// The comparison key: lower-cased letters and punctuation, whitespace dropped, digit runs as `#`.
    static func key(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var inDigits = false
        for scalar in UnicodeCleaner.clean(text).lowercased().unicodeScalars {
            if (scalar.value >= 0x30 && scalar.value <= 0x39)
                || (scalar.value >= 0x80 && scalar.properties.numericType != nil)
            {
                if !inDigits { key.append("#") }
                inDigits = true
                continue
            }
            inDigits = false
            if scalar == " " { continue }
            key.append(scalar)
        }
        return String(key)
    }

    /// Letterhead contact details in a page margin (`00531 Helsinki puhelin 0295 331 000 oph.fi`): a phone
    /// or fax number (three digit groups or more) together with a web or mail address.
    static func isContactLine(_ key: String) -> Bool {
        let digitGroups = key.reduce(0) { $0 + ($1 == "#" ? 1 : 0) }
        guard digitGroups >= 3 else { return false }
        let address =
            key.contains("www.") || key.contains("@") || key.contains(".fi") || key.contains(".se")
            || key.contains(".com")
        return address && key.count < 160
    }

    /// Letterhead fragments in small print (`OPETUSHALLITUS`, `00531 Helsinki`, `oph.fi`): a band line set
    /// smaller than the body text with at most four words. Footnotes, being sentences, are longer.
    static func isMarginNote(_ line: TextLine, bodyHeight: Double) -> Bool {
        guard let box = line.box, bodyHeight > 0, box.height < 0.85 * bodyHeight else { return false }
        return line.text.split(separator: " ").count <= 4
    }

    /// Keys that are only a page number, whatever the page.
    static func isPageNumber(_ key: String) -> Bool { pageNumberKeys.contains(key) }

    static let pageNumberKeys: Set<String> = [
        "#", "-#-", "–#–", "#(#)", "#/#", "(#)", "[#]", "#.", "sivu#", "sivu#/#", "sivu#(#)", "sivu#:#", "s.#",
        "sida#", "sida#/#", "sida#av#", "sida#(#)", "page#", "page#/#", "page#of#", "p.#", "#|", "|#",
    ]
}
