/// The feature words of each surface form, as `FeatureVector` counts them: the analyser's base forms and stems,
/// Swedish compounds split by `compounds`, each name once. Cached per form and passage language (Finnish,
/// Swedish or both), as a corpus repeats its vocabulary. Not thread-safe: one per classifier.
final class FeatureWords {
    let compounds: SwedishCompounds
    /// Index 0: Finnish passages, 1: Swedish, 2: both languages.
    private var caches: [[String: [String]]] = [[:], [:], [:]]

    init(compounds: SwedishCompounds) { self.compounds = compounds }

    func names(_ word: String, finnish: Bool, swedish: Bool, analyser: WordAnalyser) -> [String] {
        let mode = finnish && swedish ? 2 : swedish ? 1 : 0
        if let cached = caches[mode][word] { return cached }
        var names = analyser.featureWords(word, finnish: finnish, swedish: swedish)
        for name in names where name.hasPrefix("sv:") {
            names += compounds.parts(of: String(name.dropFirst(3))).map { "sv:" + $0 }
        }
        var seen: Set<String> = []
        names = names.filter { seen.insert($0).inserted }
        if caches[mode].count >= 200_000 { caches[mode].removeAll(keepingCapacity: true) }
        caches[mode][word] = names
        return names
    }
}
