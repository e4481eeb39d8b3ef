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

/// Finds the compiled cues of a pipeline in passage texts.
final class CueMatcher {
    struct CompiledCue {
        var cue: Cue
        /// Keys to match, one per word; a trailing `*` means prefix.
        var words: [String]
    }

    let mode: MatchingMode
    let cues: [CompiledCue]
    private let analyser: WordAnalyser?
    /// First-word key → cues starting with it (morphology mode, non-wildcard words).
    private var byFirstWord: [String: [Int]] = [:]
    private var wildcardCues: [Int] = []

    init(cues: [Cue], mode: MatchingMode, hand: HandLexicon, cacheEnabled: Bool) throws(LexiconError) {
        self.mode = mode
        let analyser = mode == .morphology ? try WordAnalyser(hand: hand, cacheEnabled: cacheEnabled) : nil
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
        analyser?.finnishCueWords = Set(compiled.filter { $0.cue.language == .finnish }.flatMap(\.words))
        analyser?.swedishCueStems = Array(Set(compiled.filter { $0.cue.language == .swedish }.flatMap(\.words).filter { !$0.hasSuffix("*") }))
            .sorted { $0.count > $1.count }
        for (index, cue) in compiled.enumerated() {
            if cue.words.contains(where: { $0.hasSuffix("*") }) { wildcardCues.append(index) } else { byFirstWord[cue.words[0], default: []].append(index) }
        }
    }

    var cacheStatistics: (hits: Int, misses: Int) { (analyser?.cacheHits ?? 0, analyser?.cacheMisses ?? 0) }

    /// All matches of all cues in `text`; which cue languages apply depends on the passage language.
    func hits(in text: String, language: Language) -> [CueHit] {
        let languages: Set<Cue.Language> = switch language {
        case .finnish: [.finnish]
        case .swedish: [.swedish]
        default: [.finnish, .swedish]
        }
        switch mode {
        case .substring: return substringHits(in: text, languages: languages)
        case .morphology: return morphologyHits(in: text, languages: languages)
        }
    }

    private func morphologyHits(in text: String, languages: Set<Cue.Language>) -> [CueHit] {
        guard let analyser else { return [] }
        let tokens = Token.split(text)
        guard !tokens.isEmpty else { return [] }
        var keys: [[Cue.Language: Set<String>]] = []
        keys.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            var entry: [Cue.Language: Set<String>] = [:]
            if languages.contains(.finnish) {
                var finnish = analyser.finnishKeys(token.text)
                // suspended compound: "ohjaus- ja neuvontapalvelut" also yields ohjaus + palvelu
                if token.suspended, index + 2 < tokens.count, ["ja", "tai", "sekä"].contains(tokens[index + 1].text.lowercased()) {
                    let tail = analyser.finnishKeys(tokens[index + 2].text)
                    finnish.formUnion(tail.map { token.text.lowercased() + $0 })
                }
                entry[.finnish] = finnish
            }
            if languages.contains(.swedish) { entry[.swedish] = analyser.swedishKeys(token.text) }
            keys.append(entry)
        }
        var hits: [CueHit] = []
        let characters = Array(text)
        func record(_ cueIndex: Int, from first: Int) {
            let cue = cues[cueIndex]
            guard languages.contains(cue.cue.language), first + cue.words.count <= tokens.count else { return }
            for (offset, word) in cue.words.enumerated() {
                guard let tokenKeys = keys[first + offset][cue.cue.language] else { return }
                if word.hasSuffix("*") {
                    let prefix = String(word.dropLast())
                    guard tokenKeys.contains(where: { $0.hasPrefix(prefix) }) else { return }
                } else if !tokenKeys.contains(word) {
                    return
                }
            }
            let start = tokens[first].start
            let end = tokens[first + cue.words.count - 1].end
            hits.append(CueHit(cue: cueIndex, start: start, end: end, text: String(characters[start..<end])))
        }
        for position in tokens.indices {
            var candidates: Set<Int> = []
            for languageKeys in keys[position].values {
                for key in languageKeys { if let found = byFirstWord[key] { candidates.formUnion(found) } }
            }
            for cueIndex in candidates.sorted() { record(cueIndex, from: position) }
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
