/// One label set (taxonomy) as loaded from `pipelines/labels/<set>.yaml`: its labels and the cues that
/// recognise them.
public struct LabelSet: Sendable, Hashable {
    public var id: String
    public var nameFi: String
    public var nameSv: String
    /// Where the set was loaded from, for messages.
    public var file: String
    /// When set, a label of this set is only given if the anchor is found in the passage or nearby.
    public var anchor: Anchor?
    /// Phrases showing that a passage only defers, discusses or lacks something ("siirtyy vuoden 2015
    /// suunnitelmaan", "on keskusteltu"): a label of this set is then not given, only kept as a near-miss.
    public var notAddressed: [Cue] = []
    /// Cue words that are only one short item of an enumeration ("nivelvaiheet, aikuisohjaus, maahanmuuttajien
    /// ohjaus ja verkko-ohjaus") do not count for this set's labels (`ignore_list_items: true`): a passing
    /// mention in a list of unrelated words does not address a goal (taxonomy.md).
    public var ignoreListItems: Bool = false
    /// When set (`reader_questions:`), the questions of a passage that puts a question to the reader
    /// ("Miten alueellanne olette …?") ask for an answer and state nothing: they count as `not_addressed`
    /// sentences for this set's labels.
    public var readerQuestions: ReaderQuestionMarkers?
    public var labels: [LabelDefinition]
}

/// The words of the second person by which a question is put to the reader — a questionnaire or report
/// template ("Miten alueellanne olette määritelleet …?", "Hur har ni …?") — per language: whole words
/// (`te`, `ni`) and word endings written with a leading hyphen (`-nne`, `-tte`), compared with the word as
/// written, lower-cased, without morphology.
public struct ReaderQuestionMarkers: Sendable, Hashable {
    public var words: [Cue.Language: Set<String>]
    public var endings: [Cue.Language: [String]]

    public init(words: [Cue.Language: Set<String>] = [:], endings: [Cue.Language: [String]] = [:]) {
        self.words = words
        self.endings = endings
    }

    /// Whether `word` (lower-cased) is a second-person word of `language`. An ending needs at least two
    /// letters before it (`-nne` marks *alueellanne*, not *nne*).
    public func marks(_ word: String, language: Cue.Language) -> Bool {
        if words[language]?.contains(word) ?? false { return true }
        return endings[language]?.contains { word.count >= $0.count + 2 && word.hasSuffix($0) } ?? false
    }
}

/// One label with its fixed id (see taxonomy.md), names, definition and cues.
public struct LabelDefinition: Sendable, Hashable {
    public var id: String
    public var nameFi: String
    public var nameSv: String
    public var definition: String
    /// Positive and negative cues in both languages; at least one positive cue.
    public var cues: [Cue]
    /// Overrides the set's anchor for this label (`anchor: none` in YAML removes it).
    public var anchor: Anchor?
    /// Overrides the pipeline's threshold for this label (`threshold:` in YAML, 0…1).
    public var threshold: Double?
    /// The set's `not_addressed` phrases do not apply to this label (`not_addressed: ignore` in YAML),
    /// e.g. "no plans yet" still tells whether an Ohjaamo exists in the region.
    public var ignoresNotAddressed: Bool
    /// `given_with:`: the label is given to a passage exactly when these other labels are given to it (nil: its
    /// own cues and model decide).
    public var givenWith: LabelCondition?

    public init(
        id: String, nameFi: String, nameSv: String, definition: String, cues: [Cue], anchor: Anchor? = nil,
        threshold: Double? = nil, ignoresNotAddressed: Bool = false
    ) {
        self.id = id
        self.nameFi = nameFi
        self.nameSv = nameSv
        self.definition = definition
        self.cues = cues
        self.anchor = anchor
        self.threshold = threshold
        self.ignoresNotAddressed = ignoresNotAddressed
    }
}

/// A term that counts towards a label: one word or a phrase of consecutive words, written in base form.
///
/// Finnish words match any inflected form and any compound that contains them (`palvelu` matches
/// *ohjauspalvelujen*); Swedish words match by Snowball stem and compound splitting. A word ending in
/// `*` matches any word beginning with it.
public struct Cue: Sendable, Hashable {
    public enum Language: String, Sendable, Hashable, CaseIterable {
        case finnish = "fi"
        case swedish = "sv"
    }

    public var term: String
    public var language: Language
    /// Added to the label's raw score when the cue is found; negative weights lower it.
    public var weight: Double
    /// 1-based line in the YAML file, for messages.
    public var line: Int?

    public init(term: String, language: Language, weight: Double = 1, line: Int? = nil) {
        self.term = term
        self.language = language
        self.weight = weight
        self.line = line
    }

    /// The words of the term, lower-cased.
    public var words: [String] {
        term.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
}

/// A co-occurrence rule: some cue of the anchor must appear in the passage or within `context`
/// passages before or after it (e.g. Ohjaamo labels need an Ohjaamo/Navigatorn mention).
public struct Anchor: Sendable, Hashable {
    public var cues: [Cue]
    public var context: Int
    /// Also accept the anchor in the heading of the passage's section, or — for a paragraph — in the
    /// paragraph just before it (a paragraph that continues about the Ohjaamo named before it).
    public var section: Bool
    /// Ignore a mention that is only one short item of an enumeration ("TE-toimisto, Ohjaamo,
    /// kirjasto ja oppilaitokset"): naming a place in a list does not make a passage about it.
    public var ignoreListItems: Bool
    /// When the anchor is found in the passage itself, only cue words from the sentence that first names
    /// it onwards count: what a passage says before naming the Ohjaamo is not about the Ohjaamo
    /// ("Nuorten palveluja kootaan jo yhteen. Ohjaamo-mallia tarkastellaan ensi vuonna.").
    public var fromAnchorSentence: Bool

    public init(
        cues: [Cue], context: Int, section: Bool = false, ignoreListItems: Bool = false,
        fromAnchorSentence: Bool = false
    ) {
        self.cues = cues
        self.context = context
        self.section = section
        self.ignoreListItems = ignoreListItems
        self.fromAnchorSentence = fromAnchorSentence
    }
}
