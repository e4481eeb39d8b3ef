/// The feature words of each surface form, as `FeatureVector` counts them: the analyser's base forms and stems,
/// Swedish compounds split by `compounds`, each once, as numbers of this object's vocabulary. Cached per form and
/// passage language (Finnish, Swedish or both), as a corpus repeats its vocabulary. Not thread-safe: one per
/// classifier.
final class FeatureWords {
    let compounds: SwedishCompounds
    /// Index 0: Finnish passages, 1: Swedish, 2: both languages.
    private var caches: [[String: [Int32]]] = [[:], [:], [:]]
    private var numbers: [String: Int32] = [:]
    /// The feature names, by number.
    private(set) var names: [String] = []

    init(compounds: SwedishCompounds) { self.compounds = compounds }

    /// The number of a feature name (a new one gets the next number).
    func number(_ name: String) -> Int32 {
        if let known = numbers[name] { return known }
        let next = Int32(names.count)
        numbers[name] = next
        names.append(name)
        return next
    }

    func numbers(_ word: String, finnish: Bool, swedish: Bool, analyser: WordAnalyser) -> [Int32] {
        let mode = finnish && swedish ? 2 : swedish ? 1 : 0
        if let cached = caches[mode][word] { return cached }
        var found = analyser.featureWords(word, finnish: finnish, swedish: swedish)
        for name in found where name.hasPrefix("sv:") {
            found += compounds.parts(of: String(name.dropFirst(3))).map { "sv:" + $0 }
        }
        var seen: Set<Int32> = []
        let result = found.map(number).filter { seen.insert($0).inserted }
        if caches[mode].count >= 200_000 { caches[mode].removeAll(keepingCapacity: true) }
        caches[mode][word] = result
        return result
    }
}
