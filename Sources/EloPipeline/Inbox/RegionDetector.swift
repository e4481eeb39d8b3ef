import EloCore
import EloSettings
import Foundation

/// Finds the region a document is about from its text: counts mentions of each region's Finnish and Swedish
/// names and aliases in any inflected form (`Lapin`, `Uudenmaan`, `Varsinais-Suomen`, `Nylands`), and
/// assigns a region only when it clearly dominates. Not thread-safe when `baseForm` is not (one per worker).
public struct RegionDetector {
    public var catalog: RegionCatalog
    /// Finnish base form of a lower-cased word, when the lexicon knows it (`lapin` → `lappi`).
    public var baseForm: (String) -> String?
    private let patterns: [(region: String, words: [String])]

    public init(catalog: RegionCatalog, baseForm: @escaping (String) -> String? = { _ in nil }) {
        self.catalog = catalog
        self.baseForm = baseForm
        patterns = catalog.regions.flatMap { region in
            region.names.map { (region.id, Self.words(in: $0)) }.filter { !$0.1.isEmpty }
        }
    }

    /// The region most mentioned in the first passages, or nil when none is or the mentions are split.
    public func detect(in passages: [Passage], limit: Int = 200) -> String? {
        var scores: [String: Int] = [:]
        for passage in passages.prefix(limit) {
            let words = Self.words(in: passage.text)
            guard !words.isEmpty else { continue }
            let weight = passage.page == 1 || passage.kind == .heading ? 2 : 1
            var position = 0
            while position < words.count {
                var matched = 0
                for pattern in patterns where matches(pattern.words, in: words, at: position) {
                    scores[pattern.region, default: 0] += weight
                    matched = max(matched, pattern.words.count)
                }
                position += max(matched, 1)
            }
        }
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let best = ranked.first else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        return best.value >= 2 * runnerUp && best.value > runnerUp ? best.key : nil
    }

    private func matches(_ pattern: [String], in words: [String], at position: Int) -> Bool {
        guard position + pattern.count <= words.count else { return false }
        for (offset, expected) in pattern.enumerated() {
            let word = words[position + offset]
            if word == expected { continue }
            // Only the last word of a name inflects (`Egentliga Finlands`, `Pohjois-Karjalan`).
            guard offset == pattern.count - 1, Self.isInflection(word, of: expected) || baseForm(word) == expected
            else {
                return false
            }
        }
        return true
    }

    /// `word` is `name` with a short case ending: Finnish endings on the stem without its final vowel
    /// (`kainuu` → `kainuussa`, `varsinais-suomi` → `varsinais-suomen`), Swedish genitive `-s`.
    static func isInflection(_ word: String, of name: String) -> Bool {
        if word == name + "s" { return true }
        var stem = Substring(name)
        while let last = stem.last, "aeiouyäö".contains(last), stem.count > 4 { stem = stem.dropLast() }
        guard stem.count >= 4, word.hasPrefix(stem) else { return false }
        let ending = word.dropFirst(stem.count)
        return ending.count <= 6 && ending.allSatisfy { "aeiouyäöhnstlk".contains($0) }
    }

    /// Lower-cased words, keeping hyphenated compounds whole.
    static func words(in text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0 == "-") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
            .filter { !$0.isEmpty }
    }
}
