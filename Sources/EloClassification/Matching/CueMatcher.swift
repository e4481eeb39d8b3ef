import EloCore
import EloNormalisation
import EloSettings

/// How cue terms are found in a passage: with morphology (the classifier) or as plain lower-case
/// substrings (the baseline `elo eval --baseline` compares against).
public enum MatchingMode: String, Sendable, CaseIterable {
    case morphology
    case substring
}

/// One place where a cue matched.
struct CueHit {
    var cue: Int
    var start: Int
    var end: Int
    var text: String
}

/// What one token can match, per cue language: ids of `CueKeys`, ascending (nil: that language does not
/// apply to the passage).
struct TokenMatches {
    var finnish: [Int32]?
    var swedish: [Int32]?

    subscript(language: Cue.Language) -> [Int32]? { language == .finnish ? finnish : swedish }
}

/// A passage split into words, each with the cue words it can match (see `WordAnalyser`).
struct AnalysedText {
    var text: String
    var tokens: [Token]
    var matches: [TokenMatches]
    var finnish: Bool
    var swedish: Bool
}

/// Finds the compiled cues of a pipeline in passage texts.
final class CueMatcher {
    struct CompiledCue {
        var cue: Cue
        /// Keys to match, one per word; a trailing `*` means prefix.
        var words: [String]
        /// The words' ids in the analyser's `CueKeys` (morphology mode).
        var ids: [Int32] = []
        /// Which of two cues matching the same words counts (`PassageClassifier`): more words, then no
        /// prefix, then the longer term.
        var specificity: (Int, Int, Int) {
            (words.count, words.contains { $0.hasSuffix("*") } ? 0 : 1, cue.term.count)
        }
    }

    let mode: MatchingMode
    let cues: [CompiledCue]
    private let analyser: WordAnalyser?
    /// First word's id → the cues starting with it (morphology mode).
    private var byFirstWord: [[Int]] = []

    /// `analyser` (morphology mode) may serve several matchers: each adds its cue words to it, and a passage
    /// analysed once (`analyse`) can then be matched by all of them.
    init(cues: [Cue], mode: MatchingMode, analyser: WordAnalyser?) {
        self.mode = mode
        let analyser = mode == .morphology ? analyser : nil
        self.analyser = analyser
        var compiled: [CompiledCue] = []
        for cue in cues {
            let words = cue.words.map { word -> String in
                guard let analyser, cue.language == .swedish else { return word }
                if word.hasSuffix("*") { return word }
                return analyser.swedishCueKey(word)
            }
            compiled.append(CompiledCue(cue: cue, words: words))
        }
        if let analyser {
            let finnish = compiled.indices.filter { compiled[$0].cue.language == .finnish }
            let swedish = compiled.indices.filter { compiled[$0].cue.language == .swedish }
            let ids = analyser.addCueWords(
                finnish: finnish.flatMap { compiled[$0].words }, swedish: swedish.flatMap { compiled[$0].words })
            for (indices, ids) in [(finnish, ids.finnish), (swedish, ids.swedish)] {
                var next = 0
                for index in indices {
                    compiled[index].ids = Array(ids[next..<next + compiled[index].words.count])
                    next += compiled[index].words.count
                }
            }
            byFirstWord = Array(repeating: [], count: analyser.cueKeys.count)
            for (index, cue) in compiled.enumerated() { byFirstWord[Int(cue.ids[0])].append(index) }
        }
        self.cues = compiled
    }

    var cacheStatistics: (hits: Int, misses: Int) { (analyser?.cacheHits ?? 0, analyser?.cacheMisses ?? 0) }

    /// Which cue languages apply to a passage of `language`.
    static func cueLanguages(_ language: Language) -> Set<Cue.Language> {
        switch language {
        case .finnish: [.finnish]
        case .swedish: [.swedish]
        default: [.finnish, .swedish]
        }
    }

    /// All matches of all cues in `text`; which cue languages apply depends on the passage language.
    func hits(in text: String, language: Language) -> [CueHit] {
        switch mode {
        case .substring: return substringHits(in: text, languages: Self.cueLanguages(language))
        case .morphology: return analyse(text, language: language).map(hits(in:)) ?? []
        }
    }

    private static let conjunctions: Set<String> = ["ja", "tai", "sekä"]

    /// The passage's words with what they can match (morphology mode; nil in substring mode).
    func analyse(_ text: String, language: Language) -> AnalysedText? {
        guard let analyser else { return nil }
        let finnish = language != .swedish
        let swedish = language != .finnish
        let tokens = Token.split(text)
        var matches: [TokenMatches] = []
        matches.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            var entry = TokenMatches()
            if finnish {
                entry.finnish = analyser.finnishMatches(token.text)
                // suspended compound: "ohjaus- ja neuvontapalvelut" also yields ohjaus + palvelu
                if token.suspended, index + 2 < tokens.count,
                    Self.conjunctions.contains(tokens[index + 1].text.lowercased())
                {
                    let head = token.text.lowercased()
                    let joined = analyser.cueKeys.matches(
                        analyser.finnishKeys(tokens[index + 2].text).map { head + $0 })
                    if !joined.isEmpty { entry.finnish = Array(Set(entry.finnish! + joined)).sorted() }
                }
            }
            if swedish { entry.swedish = analyser.swedishMatches(token.text) }
            matches.append(entry)
        }
        return AnalysedText(text: text, tokens: tokens, matches: matches, finnish: finnish, swedish: swedish)
    }

    /// The matches of this matcher's cues in a passage analysed by the same analyser.
    func hits(in analysed: AnalysedText) -> [CueHit] {
        let (text, tokens, matches) = (analysed.text, analysed.tokens, analysed.matches)
        var hits: [CueHit] = []
        func record(_ cueIndex: Int, from first: Int) {
            let cue = cues[cueIndex]
            guard cue.cue.language == .finnish ? analysed.finnish : analysed.swedish,
                first + cue.ids.count <= tokens.count
            else { return }
            for (offset, id) in cue.ids.enumerated() {
                guard let found = matches[first + offset][cue.cue.language], found.contains(id) else { return }
            }
            let last = tokens[first + cue.ids.count - 1]
            hits.append(
                CueHit(
                    cue: cueIndex, start: tokens[first].start, end: last.end,
                    text: String(text[tokens[first].range.lowerBound..<last.range.upperBound])))
        }
        var candidates: [Int] = []
        for position in tokens.indices {
            candidates.removeAll(keepingCapacity: true)
            for ids in [matches[position].finnish, matches[position].swedish] {
                for id in ids ?? [] where Int(id) < byFirstWord.count { candidates += byFirstWord[Int(id)] }
            }
            if candidates.count > 1 { candidates.sort() }
            var previous = -1
            for cueIndex in candidates where cueIndex != previous {
                previous = cueIndex
                record(cueIndex, from: position)
            }
        }
        return hits
    }

    private func substringHits(in text: String, languages: Set<Cue.Language>) -> [CueHit] {
        let lower = Array(text.lowercased())
        let characters = Array(text)
        var hits: [CueHit] = []
        for (cueIndex, cue) in cues.enumerated() where languages.contains(cue.cue.language) {
            let needle = Array(cue.cue.term.lowercased().replacingOccurrences(of: "*", with: ""))
            guard !needle.isEmpty, needle.count <= lower.count else { continue }
            var start = 0
            while start + needle.count <= lower.count {
                if lower[start..<start + needle.count].elementsEqual(needle) {
                    let end = start + needle.count
                    let text = end <= characters.count ? String(characters[start..<end]) : String(needle)
                    hits.append(CueHit(cue: cueIndex, start: start, end: end, text: text))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return hits
    }
}
