import EloNormalisation

/// The words of a passage as the learned layer sees them: Finnish base forms and compound parts (Voikko),
/// Swedish Snowball stems (compound parts are split later, against a vocabulary: `SwedishCompounds`).
extension WordAnalyser {
    /// The feature words of one word as written (`fi:ohjauspalvelu`, `fi:ohjaus`, `fi:palvelu`, `sv:vägledning`);
    /// none for words shorter than three letters or without letters. `FeatureWords` caches what this returns.
    func featureWords(_ word: String, finnish: Bool, swedish: Bool) -> [String] {
        let lower = word.lowercased()
        var words: [String] = []
        if lower.count >= 3, lower.contains(where: \.isLetter) {
            if finnish { words += finnishFeatureWords(lower).map { "fi:" + $0 } }
            if swedish { words += swedishFeatureWords(lower).map { "sv:" + $0 } }
        }
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }
    }

    /// Base forms of every reading and, for compounds, each part; the parts of a hyphenated word too.
    /// A word Voikko does not know stands for itself.
    private func finnishFeatureWords(_ lower: String) -> [String] {
        var words: [String] = []
        let parts = lower.split(separator: "-").map(String.init).filter { $0.count >= 2 }
        for word in parts.count > 1 ? [lower] + parts : [lower] {
            let clean = String(word.prefix { $0 != ":" })
            let readings = analyses.readings(ofLowercased: clean)
            if readings.isEmpty {
                words.append(hand.finnish[clean] ?? clean)
                continue
            }
            for reading in readings {
                words.append(reading.baseForm)
                if reading.compoundParts.count > 1 { words += reading.compoundParts.filter { $0.count >= 3 } }
            }
        }
        return words
    }

    /// The Snowball stem of the word (of its hand-listed base form), and of each part of a hyphenated word.
    private func swedishFeatureWords(_ lower: String) -> [String] {
        let parts = lower.split(separator: "-").map(String.init).filter { $0.count >= 2 }
        return (parts.count > 1 ? [lower] + parts : [lower]).map { stemmer.stem(hand.swedish[$0] ?? $0) }
    }
}
