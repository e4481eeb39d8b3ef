import EloNormalisation
import EloSettings

/// Turns a word into the set of keys a cue word can match: base forms, compound parts and their
/// joins for Finnish (Voikko); stems, hand-listed base forms and compound splits for Swedish
/// (Snowball). What a word can match — the ids of the cue words among its keys (`CueKeys`) — is
/// cached per surface form, since the vocabulary of a corpus repeats.
///
/// Holds a Voikko handle and a Snowball stemmer: not thread-safe, make one per worker.
final class WordAnalyser {
    let analyses: FinnishAnalyses
    let stemmer: SnowballStemmer
    let hand: HandLexicon
    private let cacheEnabled: Bool
    /// The cue words of every matcher using this analyser.
    let cueKeys = CueKeys()
    private var finnishCache: [String: [Int32]] = [:]
    private var swedishCache: [String: [Int32]] = [:]
    private var participleCache: [String: [String]] = [:]
    /// Stems of the Swedish cue words: known parts to split compounds at.
    private var swedishCueStems: Set<String> = []
    /// The Finnish cue words: a participle is only traced back to a verb that is one of them.
    private var finnishCueWords: Set<String> = []
    private(set) var cacheHits = 0
    private(set) var cacheMisses = 0

    /// `analyses` may be shared with other users of the same thread (another matcher, the base forms).
    init(hand: HandLexicon, analyses: FinnishAnalyses? = nil, cacheEnabled: Bool = true) throws(LexiconError) {
        if let analyses {
            self.analyses = analyses
        } else {
            self.analyses = try FinnishAnalyses(cacheEnabled: cacheEnabled)
        }
        stemmer = try SnowballStemmer(algorithm: "swedish")
        self.hand = hand
        self.cacheEnabled = cacheEnabled
    }

    /// Adds the words of a matcher's cues (Swedish ones as `swedishCueKey` made them; prefixes end in `*`):
    /// they get ids, Finnish cue verbs are what participles are traced to, and Swedish compounds are split
    /// at the Swedish cue stems. Returns the ids, in order. Empties the word caches, whose matches are
    /// made against the cue words known so far.
    func addCueWords(finnish: [String], swedish: [String]) -> (finnish: [Int32], swedish: [Int32]) {
        finnishCueWords.formUnion(finnish)
        for stem in swedish where !stem.hasSuffix("*") && stem.count >= 4 && swedishCueStems.insert(stem).inserted {
            stemsByHead[String(stem.prefix(3)), default: []].append(stem)
            stemsByTail[String(stem.suffix(3)), default: []].append(stem)
        }
        finnishCache.removeAll()
        swedishCache.removeAll()
        participleCache.removeAll()
        return (finnish.map { cueKeys.add($0) }, swedish.map { cueKeys.add($0) })
    }

    /// The Swedish cue stems of four or more characters by their first and by their last three characters:
    /// a compound is only compared with the stems that can start or end it.
    private var stemsByHead: [String: [String]] = [:]
    private var stemsByTail: [String: [String]] = [:]

    /// Empties a word cache that has reached ``FinnishAnalyses/capacity`` words, so that a long nightly run
    /// over a large corpus keeps its memory bounded.
    private static func bounded<Value>(_ cache: inout [String: Value]) {
        if cache.count >= FinnishAnalyses.capacity { cache.removeAll(keepingCapacity: true) }
    }

    // MARK: Finnish

    /// The cue-word ids the Finnish readings of a word (as written in the passage) can match.
    func finnishMatches(_ word: String) -> [Int32] { matches(word, cache: &finnishCache, keys: finnishKeys) }

    /// The cue-word ids the Swedish forms of a word (as written in the passage) can match.
    func swedishMatches(_ word: String) -> [Int32] { matches(word, cache: &swedishCache, keys: swedishKeys) }

    private func matches(_ word: String, cache: inout [String: [Int32]], keys: (String) -> Set<String>) -> [Int32] {
        if cacheEnabled, let cached = cache[word] {
            cacheHits += 1
            return cached
        }
        cacheMisses += 1
        let matches = cueKeys.matches(keys(word))
        if cacheEnabled {
            Self.bounded(&cache)
            cache[word] = matches
        }
        return matches
    }

    /// Every key of a word's Finnish readings (uncached; `finnishMatches` caches what they match).
    func finnishKeys(_ word: String) -> Set<String> {
        let lower = word.lowercased()
        var keys: Set<String> = [lower, lower.replacingHyphens()]
        if let base = hand.finnish[lower] { keys.insert(base) }
        keys.formUnion(analysedKeys(lower))
        if lower.utf8.contains(0x3A) {  // ":"
            // ELY:n, TEM:n — an abbreviation with a case ending after the colon
            let head = String(lower.prefix { $0 != ":" })
            keys.insert(head)
            keys.formUnion(analysedKeys(head))
        }
        let parts = lower.split(separator: "-").map(String.init).filter { !$0.isEmpty }
        if parts.count > 1 {
            var lastBases: Set<String> = [parts[parts.count - 1]]
            for (index, part) in parts.enumerated() {
                let clean = String(part.prefix { $0 != ":" })
                let partKeys = analysedKeys(clean).union([clean])
                keys.formUnion(partKeys)
                if index == parts.count - 1 {
                    lastBases.formUnion(analyses.readings(ofLowercased: clean).map(\.baseForm))
                }
            }
            let head = parts.dropLast().joined(separator: "-")
            for base in lastBases {
                keys.insert(head + "-" + base)
                keys.insert((head + base).replacingHyphens())
            }
        }
        return keys
    }

    /// Keys from Voikko's readings of one word; every reading is kept (ambiguity is not resolved).
    private func analysedKeys(_ word: String) -> Set<String> {
        var keys: Set<String> = []
        for reading in analyses.readings(ofLowercased: word) {
            keys.insert(reading.baseForm)
            keys.insert(reading.baseForm.replacingHyphens())
            let parts = reading.compoundParts
            // every run of consecutive parts: verkosto+yhteis+työ+malli gives yhteistyö, työmalli, …
            for from in parts.indices {
                for to in from..<parts.count { keys.insert(parts[from...to].joined()) }
            }
            // Voikko reads nouns in -minen as verb infinitives (ohjausosaamisen → osata): rebuild the
            // noun from the surface of the last part (osaamisen → osaaminen).
            if reading.wordClass == "teonsana", let noun = Self.minenNoun(word: word, parts: parts) {
                let prefix = parts.dropLast().joined()
                keys.insert(noun)
                keys.insert(prefix + noun)
            }
            // a participle (perustettu, keskustellut) also stands for its verb (perustaa, keskustella)
            if reading.wordClass != "teonsana", parts.count == 1 { keys.formUnion(participleVerbs(reading.baseForm)) }
        }
        return keys
    }

    /// The verbs a participle base form comes from, as Voikko confirms them (see `ParticipleVerb`).
    private func participleVerbs(_ participle: String) -> [String] {
        if cacheEnabled, let cached = participleCache[participle] { return cached }
        let verbs = ParticipleVerb.candidates(participle).filter { candidate in
            finnishCueWords.contains(candidate)
                && analyses.readings(ofLowercased: candidate).contains {
                    $0.wordClass == "teonsana" && $0.baseForm == candidate
                }
        }
        if cacheEnabled {
            Self.bounded(&participleCache)
            participleCache[participle] = verbs
        }
        return verbs
    }

    static func minenNoun(word: String, parts: [String]) -> String? {
        let prefix = parts.dropLast().joined()
        let clean = word.replacingHyphens()
        guard clean.hasPrefix(prefix) else { return nil }
        let last = String(clean.dropFirst(prefix.count))
        guard let range = last.range(of: "mi", options: .backwards), range.lowerBound > last.startIndex else {
            return nil
        }
        let after = last[range.upperBound...]
        guard after.hasPrefix("n") || after.hasPrefix("s") else { return nil }
        return String(last[..<range.lowerBound]) + "minen"
    }

    // MARK: Swedish

    /// The key a Swedish cue word is matched by.
    func swedishCueKey(_ word: String) -> String {
        let lower = word.lowercased()
        return stemmer.stem(hand.swedish[lower] ?? lower)
    }

    /// Every key of a word's Swedish forms (uncached; `swedishMatches` caches what they match).
    func swedishKeys(_ word: String) -> Set<String> {
        let lower = word.lowercased()
        var keys: Set<String> = [lower]
        for part in [lower] + lower.split(separator: "-").map(String.init) where !part.isEmpty {
            let base = hand.swedish[part] ?? part
            var stems = [stemmer.stem(base)]
            // Snowball leaves the neuter endings -et and -t on (utbudet, modersmålet, ojämnt,
            // tillgängligt): stem the word without them too
            if hand.swedish[part] == nil {
                for ending in ["et", "t"] where base.hasSuffix(ending) && base.count - ending.count >= 4 {
                    stems.append(stemmer.stem(String(base.dropLast(ending.count))))
                }
            }
            keys.formUnion([part, base])
            keys.formUnion(stems)
            // Compounds: a cue stem of four or more characters at the start or the end, with at least three
            // characters besides it.
            for stem in stems {
                let length = stem.count
                guard length >= 7 else { continue }
                for cueStem in stemsByHead[String(stem.prefix(3))] ?? []
                where cueStem != stem && stem.hasPrefix(cueStem) {
                    let cueLength = cueStem.count
                    guard length - cueLength >= 3 else { continue }
                    keys.insert(cueStem)
                    var rest = String(stem.dropFirst(cueLength))
                    if rest.hasPrefix("s"), rest.count > 3 { rest.removeFirst() }  // linking -s-
                    keys.formUnion([rest, stemmer.stem(rest)])
                }
                for cueStem in stemsByTail[String(stem.suffix(3))] ?? []
                where cueStem != stem && stem.hasSuffix(cueStem) {
                    if length - cueStem.count >= 3 { keys.insert(cueStem) }
                }
            }
        }
        return keys
    }
}

extension String {
    func replacingHyphens() -> String { utf8.contains(0x2D) ? String(filter { $0 != "-" }) : self }
}
