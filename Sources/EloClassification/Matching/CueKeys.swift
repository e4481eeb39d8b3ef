/// The cue words of a classifier, each with a small integer id: a key (`ohjauspalvelu`, a Swedish stem) or
/// a prefix written with a trailing `*` (`ohjaa*`).
///
/// A word of a passage is reduced once (and cached by `WordAnalyser`) to the ids of the cue words it can
/// match: its keys that are cue words, and every prefix one of its keys starts with. Matching a passage
/// then compares a few integers per word; keys that no cue has are never looked at again.
final class CueKeys {
    private var ids: [String: Int32] = [:]
    /// Prefix cue words without their `*`, with their ids.
    private var prefixes: [(prefix: String, id: Int32)] = []

    /// How many cue words there are (ids run from 0 to `count − 1`).
    var count: Int { ids.count }

    /// The id of a cue word, registering it when new.
    @discardableResult
    func add(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        if word.hasSuffix("*") { prefixes.append((String(word.dropLast()), id)) }
        return id
    }

    /// The ids a word with these keys matches, ascending and without repeats (empty when it can match no cue).
    /// Keys never contain `*`, so a key only ever equals a whole-word cue.
    func matches<Keys: Sequence<String>>(_ keys: Keys) -> [Int32] {
        var found: [Int32] = []
        for key in keys {
            if let id = ids[key] { found.append(id) }
            for (prefix, id) in prefixes where key.hasPrefix(prefix) { found.append(id) }
        }
        guard found.count > 1 else { return found }
        found.sort()
        var unique: [Int32] = [found[0]]
        for id in found.dropFirst() where id != unique[unique.count - 1] { unique.append(id) }
        return unique
    }
}
