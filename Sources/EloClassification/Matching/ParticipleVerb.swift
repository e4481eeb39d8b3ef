/// Voikko gives a Finnish participle its own base form (*perustettu*, *keskustellut*, *koordinoiva*),
/// so a cue verb (`perustaa`, `keskustella`) would miss "Ohjaamo on perustettu". This guesses the
/// infinitives a participle may come from; `WordAnalyser` keeps the guesses Voikko confirms as verbs.
///
/// Covers the passive past (-ttu/-tu), active past (-nut/-lut/-nnut) and present (-va) participles of
/// the regular verb types, with the common consonant gradations (tt/t, nt/nn, lt/ll, t/d, p/v).
enum ParticipleVerb {
    /// Candidate infinitives for a participle base form (lower-cased), both vowel harmonies; the
    /// caller checks them against the dictionary.
    static func candidates(_ participle: String) -> [String] {
        let word = participle
        guard word.count >= 5 else { return [] }
        var stems: [(stem: String, endings: [String])] = []
        func drop(_ suffix: String) -> String? {
            word.hasSuffix(suffix) ? String(word.dropLast(suffix.count)) : nil
        }
        if let s = drop("ttu") ?? drop("tty") {
            // avattu → avata, tarvittu → tarvita
            stems.append((s, ["ta", "tä"]))
            if s.hasSuffix("e") {
                // perustettu → perustaa, aloitettu → aloittaa, annettu → antaa, pidetty → pitää
                let b = String(s.dropLast())
                stems.append((b, ["aa", "ää", "taa", "tää"]))
                for (weak, strong) in [("nn", "nt"), ("ll", "lt"), ("rr", "rt"), ("d", "t"), ("v", "p")]
                where b.hasSuffix(weak) {
                    stems.append((String(b.dropLast(weak.count)) + strong, ["aa", "ää"]))
                }
            } else {
                // sovittu → sopia
                stems.append((s, ["a", "ä"]))
                if s.dropLast().hasSuffix("v") {
                    stems.append((String(s.dropLast(2)) + "p" + String(s.suffix(1)), ["a", "ä"]))
                }
            }
        } else if let s = drop("tu") ?? drop("ty") {
            // arvioitu → arvioida, tehty → tehdä, suunniteltu → suunnitella
            stems.append((s, ["da", "dä"]))
            if let last = s.last, "lnrs".contains(last) { stems.append((s + String(last), ["a", "ä"])) }
        } else if let s = drop("nnut") ?? drop("nnyt") {
            // avannut → avata
            stems.append((s, ["ta", "tä"]))
        } else if let s = drop("nut") ?? drop("nyt") {
            // perustanut → perustaa, arvioinut → arvioida
            stems.append((s, ["a", "ä", "da", "dä"]))
        } else if let s = drop("lut") ?? drop("lyt") ?? drop("rut") ?? drop("ryt") {
            // keskustellut → keskustella
            stems.append((s, ["la", "lä", "ra", "rä"]))
        } else if let s = drop("va") ?? drop("vä") {
            // koordinoiva → koordinoida, perustava → perustaa, suunnitteleva → suunnitella
            stems.append((s, ["a", "ä", "da", "dä"]))
            if s.hasSuffix("e") { stems.append((String(s.dropLast()), ["la", "lä", "a", "ä"])) }
        }
        var result: [String] = []
        for (stem, endings) in stems {
            for ending in endings where !result.contains(stem + ending) && stem + ending != word {
                result.append(stem + ending)
            }
        }
        return result
    }
}
