import EloCore

/// The normalisation stage: turns an ``ExtractedText``'s raw page lines into a ``Document`` of passages
/// (headings, paragraphs, list items) with page numbers, per-page indices and languages.
///
/// Steps, in order: ICU NFC and mark repair once per page (``UnicodeCleaner``), running headers, footers
/// and page numbers out (``RunningHeaderFilter``), lines cleaned and grouped into passages
/// (``PassageSegmenter``), lines joined with line-break hyphens resolved (``LineBreakHyphenResolver``),
/// each passage's language and then the document's (``LanguageIdentifier``).
///
/// Holds Voikko, Hunspell and ICU handles: a `final class`, not `Sendable` — make one per worker and
/// keep it inside that worker's task.
public final class DocumentNormaliser {
    public let headerFilter: RunningHeaderFilter
    public let segmenter: PassageSegmenter
    public let hyphens: LineBreakHyphenResolver
    public let languages: LanguageIdentifier
    /// Set-up findings (a lexicon that could not be loaded), added to every document's diagnostics.
    public let setupDiagnostics: [Diagnostic]

    /// Loads the Finnish (Voikko) and Swedish (Hunspell) lexicons. Throws when Voikko is missing — Finnish
    /// is the main language, so a missing dictionary is a set-up error; a missing Swedish dictionary only
    /// weakens Swedish hyphen decisions and is reported as `normalisation.no-swedish-lexicon`.
    public init(languages: LanguageIdentifier = .standard) throws(LexiconError) {
        let finnish = try FinnishLexicon()
        var diagnostics: [Diagnostic] = []
        var swedish: SwedishLexicon? = nil
        do {
            swedish = try SwedishLexicon()
        } catch {
            diagnostics.append(
                Diagnostic(
                    id: "normalisation.no-swedish-lexicon", severity: .warning,
                    message: "\(error.message); Swedish line-break hyphens are decided without a dictionary"))
        }
        self.headerFilter = RunningHeaderFilter()
        self.segmenter = PassageSegmenter(splitter: SentenceSplitter())
        self.hyphens = LineBreakHyphenResolver(finnish: finnish, swedish: swedish)
        self.languages = languages
        self.setupDiagnostics = diagnostics
    }

    /// Normalises `extracted` into passages within the default ``PassageLimits``.
    public func run(_ extracted: ExtractedText) -> Document { run(extracted, limits: PassageLimits()) }

    /// Normalises `extracted` into passages within `limits`: a passage longer than `limits.maxPassageBytes` is
    /// split at sentence ends, and passages beyond `limits.maxPassages` are left out (the document is then
    /// `partial`, with a `normalisation.passage-limit` warning).
    public func run(_ extracted: ExtractedText, limits: PassageLimits) -> Document {
        var diagnostics = extracted.diagnostics + setupDiagnostics
        var status = extracted.status
        let normalisedPages = extracted.pages.map(Self.normalise)
        let (pages, _) = headerFilter.run(normalisedPages)
        let segmented = segmenter.run(pages)

        var documentWords: DocumentVocabulary? = nil
        let wordsOfDocument: () -> DocumentVocabulary = {
            if let documentWords { return documentWords }
            let words = DocumentVocabulary(lines: segmented.lazy.flatMap(\.lines))
            documentWords = words
            return words
        }
        let long = LongPassageSplitter(splitter: segmenter.splitter, maxBytes: limits.maxPassageBytes)
        var passages: [Passage] = []
        passages.reserveCapacity(min(segmented.count, limits.maxPassages))
        // OCR'd pages carry the recogniser's mean confidence; their passages carry it on.
        var pageConfidence: [Int: Double] = [:]
        for page in extracted.pages {
            if let confidence = page.ocrConfidence { pageConfidence[page.number] = confidence }
        }
        var indexOnPage: [Int: Int] = [:]
        segments: for segment in segmented {
            for text in long.pieces(joined(segment.lines, documentWords: wordsOfDocument)) {
                // Bare numbers (a table of contents' section or page column) and rules carry nothing to classify.
                guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { continue }
                guard passages.count < limits.maxPassages else {
                    diagnostics.append(Self.passageLimit(extracted.path, limit: limits.maxPassages, page: segment.page))
                    if status == .ok { status = .partial }
                    break segments
                }
                let index = indexOnPage[segment.page, default: 0]
                indexOnPage[segment.page] = index + 1
                passages.append(
                    Passage(
                        page: segment.page, index: index, kind: segment.kind,
                        language: languages.identify(text), text: text,
                        ocrConfidence: pageConfidence[segment.page]))
            }
        }
        let language = languages.documentLanguage(passages.map { ($0.language, $0.text.utf8.count) })
        if passages.isEmpty, extracted.status.isReadable {
            diagnostics.append(
                Diagnostic(
                    id: "normalisation.no-text", severity: .warning,
                    message:
                        "\(extracted.path): readable, but no text passages were found — the document may be images only or empty; check it by eye"
                ))
        }
        return Document(
            path: extracted.path, sha256: extracted.sha256, pages: extracted.pageCount, language: language,
            status: status, method: extracted.method, encoding: extracted.encoding,
            diagnostics: diagnostics, passages: passages, ocrConfidence: extracted.ocrConfidence)
    }

    /// A passage's lines as one text, with line-break hyphens resolved.
    private func joined(_ lines: [String], documentWords: () -> DocumentVocabulary) -> String {
        var text = lines[0]
        var previous = lines[0][...]
        for line in lines.dropFirst() {
            switch hyphens.joint(after: previous, before: line[...], documentWords: documentWords) {
            case .dropHyphen:
                text.unicodeScalars.removeLast()
                text += line
            case .glue: text += line
            case .space:
                text += " "
                text += line
            }
            previous = line[...]
        }
        // A soft hyphen kept at a line's end (see `UnicodeCleaner.clean`) with nothing after it is dropped.
        if text.unicodeScalars.last == "\u{AD}" { text.unicodeScalars.removeLast() }
        return text
    }

    /// Passages beyond `limits.max_passages` were left out.
    public static func passageLimit(_ path: String, limit: Int, page: Int) -> Diagnostic {
        Diagnostic(
            id: "normalisation.passage-limit", severity: .warning,
            message: "\(path): more than \(limit) passages; only the first \(limit) are indexed, the rest from page "
                + "\(page) on is left out — to read all of it, raise `max_passages` under `limits:` in the pipeline "
                + "file, or ask the region to split the document",
            page: page)
    }

    /// One ICU call for the whole page: NFC and mark repair of every line.
    static func normalise(_ page: PageText) -> PageText {
        guard !page.lines.isEmpty else { return page }
        let joined = page.lines.map(\.text).joined(separator: "\n")
        let normalised = UnicodeCleaner.normalise(joined)
        if normalised == joined { return page }
        let texts = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        var result = page
        if texts.count == page.lines.count {
            for index in result.lines.indices { result.lines[index].text = String(texts[index]) }
        } else {
            for index in result.lines.indices {
                result.lines[index].text = UnicodeCleaner.normalise(result.lines[index].text)
            }
        }
        return result
    }
}
