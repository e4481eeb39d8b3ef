import EloCore
import EloNormalisation

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

/// The keys of one token, per cue language (nil: that language does not apply to the passage).
struct TokenKeys {
    var finnish: Set<String>?
    var swedish: Set<String>?

    subscript(language: Cue.Language) -> Set<String>? { language == .finnish ? finnish : swedish }
}

/// A passage split into words, each with the keys cue words can match (see `WordAnalyser`).
struct AnalysedText {
    var text: String
    var tokens: [Token]
    var keys: [TokenKeys]
    var finnish: Bool
    var swedish: Bool
}

/// Finds the compiled cues of a pipeline in passage texts.
final class CueMatcher {
    struct CompiledCue {
        var cue: Cue
        /// Keys to match, one per word; a trailing `*` means prefix.
        var words: [String]
        /// Per word: the prefix to look for when the word ends in `*`, else nil.
        var prefixes: [String?] { words.map { $0.hasSuffix("*") ? String($0.dropLast()) : nil } }
    }

    let mode: MatchingMode
    let cues: [CompiledCue]
    private let analyser: WordAnalyser?
    /// First-word key → cues starting with it (morphology mode, non-wildcard words).
    private var byFirstWord: [String: [Int]] = [:]
    private var wildcardCues: [Int] = []
    /// `cues[i].prefixes`, made once.
    private var cuePrefixes: [[String?]] = []

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
        self.cues = compiled
        cuePrefixes = compiled.map(\.prefixes)
        analyser?.addCueWords(
            finnish: compiled.filter { $0.cue.language == .finnish }.flatMap(\.words),
            swedish: compiled.filter { $0.cue.language == .swedish }.flatMap(\.words).filter { !$0.hasSuffix("*") })
        // Cues are looked up by their first word's key; only those whose first word is a prefix (`ohjaa*`)
        // are tried at every word.
        for (index, cue) in compiled.enumerated() {
            if cue.words[0].hasSuffix("*") { wildcardCues.append(index) } else { byFirstWord[cue.words[0], default: []].append(index) }
        }
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

    /// The passage's words with their keys (morphology mode; nil in substring mode).
    func analyse(_ text: String, language: Language) -> AnalysedText? {
        guard let analyser else { return nil }
        let languages = Self.cueLanguages(language)
        let tokens = Token.split(text)
        let finnish = languages.contains(.finnish), swedish = languages.contains(.swedish)
        var keys: [TokenKeys] = []
        keys.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            var entry = TokenKeys()
            if finnish {
                var keys = analyser.finnishKeys(token.text)
                // suspended compound: "ohjaus- ja neuvontapalvelut" also yields ohjaus + palvelu
                if token.suspended, index + 2 < tokens.count, ["ja", "tai", "sekä"].contains(tokens[index + 1].text.lowercased()) {
                    let tail = analyser.finnishKeys(tokens[index + 2].text)
                    keys.formUnion(tail.map { token.text.lowercased() + $0 })
                }
                entry.finnish = keys
            }
            if swedish { entry.swedish = analyser.swedishKeys(token.text) }
            keys.append(entry)
        }
        return AnalysedText(text: text, tokens: tokens, keys: keys, finnish: finnish, swedish: swedish)
    }

    /// The matches of this matcher's cues in a passage analysed by the same analyser.
    func hits(in analysed: AnalysedText) -> [CueHit] {
        let (text, tokens, keys, finnish, swedish) = (analysed.text, analysed.tokens, analysed.keys, analysed.finnish, analysed.swedish)
        var hits: [CueHit] = []
        var characters: [Character]? = nil  // made on the first hit: most passages have none
        func record(_ cueIndex: Int, from first: Int) {
            let cue = cues[cueIndex]
            guard cue.cue.language == .finnish ? finnish : swedish, first + cue.words.count <= tokens.count else { return }
            let prefixes = cuePrefixes[cueIndex]
            for (offset, word) in cue.words.enumerated() {
                guard let tokenKeys = keys[first + offset][cue.cue.language] else { return }
                if let prefix = prefixes[offset] {
                    guard tokenKeys.contains(where: { $0.hasPrefix(prefix) }) else { return }
                } else if !tokenKeys.contains(word) {
                    return
                }
            }
            let start = tokens[first].start
            let end = tokens[first + cue.words.count - 1].end
            if characters == nil { characters = Array(text) }
            hits.append(CueHit(cue: cueIndex, start: start, end: end, text: String(characters![start..<end])))
        }
        for position in tokens.indices {
            var candidates: [Int] = []
            for languageKeys in [keys[position].finnish, keys[position].swedish] {
                for key in languageKeys ?? [] { if let found = byFirstWord[key] { candidates += found } }
            }
            if candidates.count > 1 { candidates.sort() }
            var previous = -1
            for cueIndex in candidates where cueIndex != previous {
                previous = cueIndex
                record(cueIndex, from: position)
            }
            for cueIndex in wildcardCues { record(cueIndex, from: position) }
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
