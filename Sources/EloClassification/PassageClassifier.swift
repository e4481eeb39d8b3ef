import EloCore
import EloNormalisation
import EloSettings
import Foundation

/// Labels passages against the label sets of a pipeline, with a score and evidence for each label.
///
/// A label's raw score is the sum of the weights of the distinct cues found in the passage (negative
/// cues subtract); its score is `1 − e^(−raw)`, and it is given when the score reaches the pipeline's
/// threshold (or the label's own), the label has at least one positive cue in the passage, and its
/// anchor (if any) is found in the passage or its context (neighbours, or its section's heading); with the
/// anchor's `from_anchor_sentence`, a passage that names the anchor only itself counts its cue words from
/// the sentence naming it on.
/// Cue hits in a sentence holding a phrase of the set's `not_addressed` list (the sentence only defers,
/// discusses or lacks something) do not count, unless the label ignores that list; a label left below
/// its threshold by that is kept as a near-miss. For a set with `reader_questions`, the questions of a
/// passage that puts a question to the reader count as such sentences; for a set with `ignore_list_items`,
/// a cue word that is only one short item of an enumeration does not count at all.
///
/// Holds a Voikko handle and a word cache: not thread-safe, make one per worker.
public final class PassageClassifier {
    public let configuration: PipelineConfiguration
    /// `configuration.labels`, made once (the property flattens the label sets on every call).
    let labels: [LabelDefinition]
    let matcher: CueMatcher
    private let anchorMatcher: CueMatcher
    /// The pipeline's `topic:` words (nil without `topic:`).
    private let topicMatcher: CueMatcher?
    /// Shared by both matchers (morphology mode).
    let analyser: WordAnalyser?
    /// For each cue of `matcher`: the label it belongs to.
    private let cueLabel: [Int]
    /// For every label: its anchor (index into `anchors`).
    let labelAnchor: [Int?]
    private let anchors: [Anchor]
    /// For each cue of `anchorMatcher`: the anchor it belongs to, or (from `anchorCueCount` on) the
    /// label set whose `not_addressed` list it belongs to.
    private let anchorCueOwner: [Int]
    private let anchorCueCount: Int
    /// For every label: the index of its set, or nil when the set's `not_addressed` list does not apply.
    private let labelNotAddressedSet: [Int?]
    /// For every label: whether its set ignores cue words that are only an item of an enumeration.
    private let labelIgnoresListItems: [Bool]
    /// The sets with `reader_questions`: set index and its second-person markers.
    private let readerQuestionSets: [(set: Int, markers: ReaderQuestionMarkers)]
    private let sentenceSplitter = SentenceSplitter()
    /// `matcher.cues[i].specificity`, made once.
    private let cueSpecificity: [(Int, Int, Int)]
    /// The learned layer's words of each surface form, Swedish compounds split at the stems its model knows.
    let featureWords: FeatureWords
    /// The pipeline's model with its features numbered by `featureWords` (nil without `model:`).
    let compiledModel: CompiledModel?
    /// The learned layer's thresholds of each of `compiledModel`'s labels, in its order.
    let modelThresholds: [LabelModel.Thresholds]
    /// The labels given through others (`given_with:`).
    let conditioned: ConditionedLabels

    /// `analyses`: Voikko readings to share with other users on this thread (ingest's base forms); by
    /// default the classifier makes its own.
    public init(
        configuration: PipelineConfiguration, mode: MatchingMode = .morphology, analysisCache: Bool = true,
        analyses: FinnishAnalyses? = nil
    ) throws(LexiconError) {
        self.configuration = configuration
        labels = configuration.labels
        var allCues: [Cue] = []
        var labelCues: [[Int]] = []
        var labelAnchor: [Int?] = []
        var anchors: [Anchor] = []
        var labelNotAddressedSet: [Int?] = []
        var labelIgnoresListItems: [Bool] = []
        for (setIndex, set) in configuration.labelSets.enumerated() {
            var setAnchorIndex: Int?
            if let anchor = set.anchor {
                anchors.append(anchor)
                setAnchorIndex = anchors.count - 1
            }
            for label in set.labels {
                let deferrable = !set.notAddressed.isEmpty || set.readerQuestions != nil
                labelNotAddressedSet.append(!deferrable || label.ignoresNotAddressed ? nil : setIndex)
                labelIgnoresListItems.append(set.ignoreListItems)
                labelCues.append(Array(allCues.count..<allCues.count + label.cues.count))
                allCues += label.cues
                if let own = label.anchor {
                    if own.cues.isEmpty {
                        labelAnchor.append(nil)
                    } else {
                        anchors.append(own)
                        labelAnchor.append(anchors.count - 1)
                    }
                } else {
                    labelAnchor.append(setAnchorIndex)
                }
            }
        }
        var cueLabel = Array(repeating: 0, count: allCues.count)
        for (labelIndex, cues) in labelCues.enumerated() { for cue in cues { cueLabel[cue] = labelIndex } }
        self.cueLabel = cueLabel
        self.labelAnchor = labelAnchor
        self.anchors = anchors
        self.labelNotAddressedSet = labelNotAddressedSet
        self.labelIgnoresListItems = labelIgnoresListItems
        readerQuestionSets = configuration.labelSets.enumerated().compactMap { index, set in
            set.readerQuestions.map { (index, $0) }
        }
        let anchorCues = anchors.flatMap(\.cues)
        anchorCueCount = anchorCues.count
        let notAddressed = configuration.labelSets.enumerated().flatMap { index, set in
            set.notAddressed.map { (index, $0) }
        }
        anchorCueOwner =
            anchors.enumerated().flatMap { index, anchor in anchor.cues.map { _ in index } } + notAddressed.map(\.0)
        // Both matchers ask Voikko about the same words: one set of readings serves them.
        // One analyser for both matchers: each passage is split and its words analysed once.
        let analyser =
            mode == .morphology
            ? try WordAnalyser(hand: configuration.lexicon, analyses: analyses, cacheEnabled: analysisCache) : nil
        self.analyser = analyser
        matcher = CueMatcher(cues: allCues, mode: mode, analyser: analyser)
        cueSpecificity = matcher.cues.map(\.specificity)
        // the anchors and the not_addressed phrases
        anchorMatcher = CueMatcher(cues: anchorCues + notAddressed.map(\.1), mode: mode, analyser: analyser)
        topicMatcher = configuration.topic.map { CueMatcher(cues: $0.cues, mode: mode, analyser: analyser) }
        featureWords = FeatureWords(
            compounds: SwedishCompounds(vocabulary: configuration.learned?.model.swedishVocabulary ?? []))
        compiledModel = configuration.learned.map { [featureWords] in CompiledModel($0.model, words: featureWords) }
        modelThresholds = configuration.learned?.modelledThresholds ?? []
        conditioned = ConditionedLabels(labels: labels)
    }

    /// Analysis-cache hits and misses so far (morphology mode).
    public var cacheStatistics: (hits: Int, misses: Int) { (analyser?.cacheHits ?? 0, analyser?.cacheMisses ?? 0) }

    /// Labels for each passage of one document, in order; passages are each other's anchor context.
    public func classify(_ passages: [Passage]) -> [[LabelDecision]] {
        decisionsWithNearMisses(passages).map { $0.filter { !$0.belowThreshold } }
    }

    /// As `classify`, plus near-misses (`belowThreshold`): labels whose score reached the pipeline's
    /// `near_miss_score` but not their threshold, with the same evidence and anchor rules.
    public func decisionsWithNearMisses(_ passages: [Passage]) -> [[LabelDecision]] {
        documentDecisions(passages).decisions
    }

    /// As `decisionsWithNearMisses`, and, when the pipeline has `topic:` and the document is off it, how few
    /// topic words it has (its passages then get no labels and no near-misses).
    public func documentDecisions(_ passages: [Passage]) -> (decisions: [[LabelDecision]], offTopic: TopicRule.Count?) {
        let analysed = passages.map { analyser == nil ? nil : matcher.analyse($0.text, language: $0.language) }
        if let topic = configuration.topic, let topicMatcher {
            var count = TopicRule.Count()
            for (passage, analysed) in zip(passages, analysed) {
                let hits =
                    analysed.map(topicMatcher.hits(in:))
                    ?? topicMatcher.hits(in: passage.text, language: passage.language)
                count.topicWords += Set(hits.map(\.start)).count
                count.words += analysed?.tokens.count ?? Token.split(passage.text).count
            }
            if topic.isOffTopic(count) { return (passages.map { _ in [] }, count) }
        }
        let (rules, context) = decisions(passages, analysed: analysed)
        guard configuration.learned != nil, let compiledModel, analyser != nil else {
            return (rules.map(conditioned.apply), nil)
        }
        let combined = combine(
            model: compiledModel, passages: passages, analysed: analysed, rules: rules, context: context)
        return (combined.map(conditioned.apply), nil)
    }

    /// Where each passage may find the anchors of its labels: the anchors found in every passage, the heading
    /// each passage stands under and whether it continues the paragraph before it.
    struct AnchorContext {
        var hits: [[Int: CueHit]]
        var sectionHeading: [Int?]
        var continues: [Bool]
    }

    /// The cue rules' decisions (near-misses included) for each passage, and where anchors were found.
    func decisions(_ passages: [Passage], analysed: [AnalysedText?]) -> ([[LabelDecision]], AnchorContext) {
        var notAddressed: [[Int: [Range<Int>]]] = []
        let anchorHits: [[Int: CueHit]] = passages.indices.map { index in
            let passage = passages[index]
            var first: [Int: CueHit] = [:]
            var deferring: [(set: Int, at: Int)] = []
            let found =
                analysed[index].map(anchorMatcher.hits(in:))
                ?? anchorMatcher.hits(in: passage.text, language: passage.language)
            for hit in found {
                let owner = anchorCueOwner[hit.cue]
                if hit.cue >= anchorCueCount {
                    deferring.append((owner, hit.start))
                    continue
                }
                guard first[owner] == nil else { continue }
                if anchors[owner].ignoreListItems
                    && Enumeration.isListItem(passage.text, start: hit.start, end: hit.end)
                {
                    continue
                }
                first[owner] = hit
            }
            var sentences: [(range: Range<Int>, text: Substring)]?
            if !deferring.isEmpty { sentences = sentenceRanges(passage.text) }
            var deferred = deferringSentences(sentences ?? [], deferring)
            // a questionnaire item: its questions ask for an answer, they state no goal
            if !readerQuestionSets.isEmpty, passage.text.utf8.contains(0x3F) {  // "?", without Foundation's search
                if sentences == nil { sentences = sentenceRanges(passage.text) }
                for (set, markers) in readerQuestionSets {
                    for range in Self.readerQuestionSentences(
                        sentences ?? [], language: passage.language, markers: markers)
                    where !(deferred[set]?.contains(range) ?? false) {
                        deferred[set, default: []].append(range)
                    }
                }
            }
            notAddressed.append(deferred)
            return first
        }
        // the heading each passage stands under (nil before the first heading)
        var sectionHeading: [Int?] = []
        var heading: Int?
        for (index, passage) in passages.enumerated() {
            sectionHeading.append(heading)
            if passage.kind == .heading { heading = index }
        }
        // a paragraph continues the paragraph before it; list items are separate points
        let continues = passages.indices.map {
            $0 > 0 && passages[$0].kind == .paragraph && passages[$0 - 1].kind == .paragraph
        }
        let result = passages.indices.map { index in
            decisions(
                for: passages[index], analysed: analysed[index], at: index, anchorHits: anchorHits,
                notAddressed: notAddressed[index], sectionHeading: sectionHeading[index], continues: continues[index])
        }
        return (result, AnchorContext(hits: anchorHits, sectionHeading: sectionHeading, continues: continues))
    }

    private func decisions(
        for passage: Passage, analysed: AnalysedText?, at index: Int, anchorHits: [[Int: CueHit]],
        notAddressed: [Int: [Range<Int>]], sectionHeading: Int?, continues: Bool
    ) -> [LabelDecision] {
        // A heading alone does not address a goal (taxonomy.md): headings are never labelled, nor
        // paragraphs that are titles the segmentation did not mark as headings.
        guard passage.kind != .heading, !Self.isTitleLike(passage) else { return [] }
        let hits = analysed.map(matcher.hits(in:)) ?? matcher.hits(in: passage.text, language: passage.language)
        guard !hits.isEmpty else { return [] }
        // Only labels with a cue in the passage can be given: group the hits by label, in cue order.
        var hitsByLabel: [Int: [CueHit]] = [:]
        for hit in hits { hitsByLabel[cueLabel[hit.cue], default: []].append(hit) }
        var result: [LabelDecision] = []
        var lists: ListMention.Layout?  // read on the first label that ignores list items
        var sentenceStarts: [Int]?  // read on the first anchor that counts from its sentence
        for labelIndex in hitsByLabel.keys.sorted() {
            let label = labels[labelIndex]
            var anchorEvidence: AnchorEvidence?
            var from = 0
            if let anchorIndex = labelAnchor[labelIndex] {
                guard
                    let found = anchor(
                        anchorIndex, near: index, hits: anchorHits, sectionHeading: sectionHeading, continues: continues
                    )
                else { continue }
                anchorEvidence = found
                // `from_anchor_sentence`: cue words before the sentence first naming the anchor do not count,
                // unless the anchor was named before the passage too (its heading, the paragraph it continues)
                if found.passage == 0, anchors[anchorIndex].fromAnchorSentence,
                    anchor(
                        anchorIndex, near: index, hits: anchorHits, sectionHeading: sectionHeading,
                        continues: continues, before: true) == nil
                {
                    if sentenceStarts == nil { sentenceStarts = sentenceRanges(passage.text).map(\.range.lowerBound) }
                    from = sentenceStarts!.last { $0 <= found.start } ?? 0
                }
            }
            var labelHits = hitsByLabel[labelIndex]!.sorted { ($0.cue, $0.start) < ($1.cue, $1.start) }
            if from > 0 { labelHits.removeAll { $0.start < from } }
            // cue hits in a sentence that only defers or discusses (the set's not_addressed list) do not count
            let deferred = labelNotAddressedSet[labelIndex].flatMap { notAddressed[$0] } ?? []
            var raw = 0.0
            var kept = 0.0
            var evidence: [Evidence] = []
            var keptEvidence: [Evidence] = []
            let listItems = labelIgnoresListItems[labelIndex]
            for (cueIndex, all) in mostSpecific(labelHits) {
                var found = all
                if listItems {
                    if lists == nil { lists = ListMention.Layout(passage.text) }
                    found = all.filter { !Self.isPassingListMention($0, lists: lists!, labelHits: labelHits) }
                }
                guard !found.isEmpty else { continue }
                let cue = matcher.cues[cueIndex].cue
                let outside =
                    deferred.isEmpty ? found : found.filter { hit in !deferred.contains { $0.contains(hit.start) } }
                raw += cue.weight
                if !outside.isEmpty { kept += cue.weight }
                if cue.weight > 0 {
                    evidence += found.map { Evidence(cue: cue.term, text: $0.text, start: $0.start, end: $0.end) }
                    keptEvidence += outside.map { Evidence(cue: cue.term, text: $0.text, start: $0.start, end: $0.end) }
                }
            }
            let score = 1 - exp(-max(0, raw))
            let keptScore = deferred.isEmpty ? score : 1 - exp(-max(0, kept))
            let threshold = label.threshold ?? configuration.threshold
            guard !evidence.isEmpty, score >= min(threshold, configuration.nearMissScore) else { continue }
            // given on what is left outside deferring sentences; otherwise a near-miss on everything found
            let given = !keptEvidence.isEmpty && keptScore >= threshold
            var shown = given ? keptEvidence : evidence
            shown.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            result.append(
                LabelDecision(
                    id: label.id, score: ((given ? keptScore : score) * 1000).rounded() / 1000, evidence: shown,
                    anchor: anchorEvidence,
                    belowThreshold: !given))
        }
        return result
    }

    /// For each label set with a `not_addressed` phrase in `text`: the character ranges of the sentences
    /// holding one ("Ohjausosaamisen koulutus siirtyy vuoden 2015 suunnitelmaan.").
    private func deferringSentences(_ sentences: [(range: Range<Int>, text: Substring)], _ found: [(set: Int, at: Int)])
        -> [Int: [Range<Int>]]
    {
        guard !found.isEmpty else { return [:] }
        let ranges = sentences.map(\.range)
        var result: [Int: [Range<Int>]] = [:]
        for (set, at) in found {
            guard let range = ranges.first(where: { $0.contains(at) }) ?? ranges.last,
                !(result[set]?.contains(range) ?? false)
            else { continue }
            result[set, default: []].append(range)
        }
        return result
    }

    /// A passing mention in a list of unrelated words does not count (taxonomy.md): the hit is one short
    /// item of a list (``ListMention``) and no other item of that list has a cue of the same label — a list
    /// of several of the goal's words ("organisointi, hallinnointi, vastuunjako") is about the goal.
    static func isPassingListMention(_ hit: CueHit, lists: ListMention.Layout, labelHits: [CueHit]) -> Bool {
        guard let list = lists.list(start: hit.start, end: hit.end) else { return false }
        let related = list.items.indices.contains { item in
            item != list.hit && labelHits.contains { list.items[item].overlaps($0.start..<$0.end) }
        }
        return !related
    }

    /// The sentences of `text` with their character ranges.
    private func sentenceRanges(_ text: String) -> [(range: Range<Int>, text: Substring)] {
        sentenceSplitter.sentences(in: text).map { sentence in
            let start = text.distance(from: text.startIndex, to: sentence.startIndex)
            return (start..<(start + sentence.count), sentence)
        }
    }

    /// When one question of the passage is put to the reader (a second-person word of `markers`: "Miten
    /// alueellanne olette …?"), the passage is a questionnaire or report-template item: the ranges of all its
    /// questions, and of a parenthesis right after one (what the question asks about: "(Kuntakokeilu, …)").
    /// Otherwise none: a question the writer asks ("Kenen tehtävä on …?") may state a challenge.
    static func readerQuestionSentences(
        _ sentences: [(range: Range<Int>, text: Substring)], language: Language,
        markers: ReaderQuestionMarkers
    ) -> [Range<Int>] {
        let languages: [Cue.Language] =
            switch language {
            case .finnish: [.finnish]
            case .swedish: [.swedish]
            default: [.finnish, .swedish]
            }
        var asked = false
        var result: [Range<Int>] = []
        var afterQuestion = false
        for (range, sentence) in sentences {
            var end = sentence[...]
            while let last = end.last, "\"'”’»)] ".contains(last) { end = end.dropLast() }
            let isQuestion = end.last == "?"
            guard isQuestion || (afterQuestion && sentence.first == "(") else {
                afterQuestion = false
                continue
            }
            result.append(range)
            afterQuestion = true
            if isQuestion, !asked {
                let words = sentence.lowercased().split { !$0.isLetter && $0 != "-" }
                asked = words.contains { word in languages.contains { markers.marks(String(word), language: $0) } }
            }
        }
        return asked ? result : []
    }

    /// A paragraph of at most `titleWords` words (with letters) that does not end like a sentence (with `.`, `!` or
    /// `?`, closing quotes and brackets aside): a title ("Laadukas ja yhdenvertainen ohjaus"), a navigation line
    /// ("etusivu palvelut yhteystiedot"), a caption or a lead-in ("Ohjaamossa voit:") — not a statement about a goal,
    /// whatever its first letter (menus and web furniture are often written in lower case). Real-dev: 285 of the
    /// 286 paragraphs this short carry no label.
    static let titleWords = 6

    static func isTitleLike(_ passage: Passage) -> Bool {
        guard passage.kind == .paragraph else { return false }
        let raw = passage.text  // normalised text has no spaces at its ends; trim (a copy) only when it has
        let text = raw.first == " " || raw.last == " " ? raw.trimmingCharacters(in: .whitespaces) : raw
        guard let last = text.last(where: { !"\"'”’»)]".contains($0) }), !".!?".contains(last) else { return false }
        // words with letters: "Verkosto ja osaaminen / Nätverk och kompetens" is six words; counting stops
        // as soon as there are too many (a long paragraph is no title)
        var words = 0
        var inWord = false
        var hasLetter = false
        for character in text {
            if character.isWhitespace {
                if inWord, hasLetter {
                    words += 1
                    if words > titleWords { return false }
                }
                inWord = false
                hasLetter = false
                continue
            }
            inWord = true
            if character.isLetter { hasLetter = true }
        }
        if inWord, hasLetter { words += 1 }
        return words <= titleWords
    }

    /// The hits of a label's cues where, of cues matching overlapping words, only the most specific
    /// counts: `yhteistyöryhmä` (an ELO group's name) decides over `yhteistyö` found inside it, and
    /// `osaaminen` and `osaamis*` on the same word count once.
    private func mostSpecific(_ hits: [CueHit]) -> [(Int, [CueHit])] {
        let candidates = hits.map { ($0.cue, $0) }
        guard candidates.count > 1 else { return candidates.map { ($0.0, [$0.1]) } }
        let specificity = { (index: Int) in self.cueSpecificity[index] }
        var kept: [Int: [CueHit]] = [:]
        var order: [Int] = []
        for (index, hit) in candidates {
            let beaten = candidates.contains { other, otherHit in
                other != index && otherHit.start < hit.end && hit.start < otherHit.end
                    && (specificity(other) > specificity(index)
                        || (specificity(other) == specificity(index) && other < index))
            }
            guard !beaten else { continue }
            if kept[index] == nil { order.append(index) }
            kept[index, default: []].append(hit)
        }
        return order.map { ($0, kept[$0] ?? []) }
    }

    /// `before`: only where the passage's context lies before it (the passages before, its heading).
    func anchor(
        _ anchorIndex: Int, near index: Int, hits: [[Int: CueHit]], sectionHeading: Int?, continues: Bool,
        before: Bool = false
    ) -> AnchorEvidence? {
        let rule = anchors[anchorIndex]
        // nearest first: the passage itself, then −1, +1, −2, +2, …
        var offsets = before ? [] : [0]
        if rule.context > 0 {
            for distance in 1...rule.context { offsets += before ? [-distance] : [-distance, distance] }
        }
        if rule.section {
            // the paragraph before, when this paragraph continues it, and the section's heading
            if continues { offsets.append(-1) }
            if let sectionHeading { offsets.append(sectionHeading - index) }
        }
        for offset in offsets {
            let position = index + offset
            guard hits.indices.contains(position), let hit = hits[position][anchorIndex] else { continue }
            let cue = anchorMatcher.cues[hit.cue].cue
            return AnchorEvidence(cue: cue.term, text: hit.text, passage: offset, start: hit.start, end: hit.end)
        }
        return nil
    }
}
