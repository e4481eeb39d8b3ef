/// How a matched cue reads in reports. Cue-rule cues are words of the label file (`laatu`); the learned
/// layer's cues are `model: palaute +0.42` (a word that pushed the label over, and its weight), shown as
/// `malli: palaute (+0,42)` / `modell: palaute (+0,42)`.
enum CueText {
    static let modelPrefix = "model: "

    static func readable(_ cue: String, _ strings: ReportStrings) -> String {
        guard cue.hasPrefix(modelPrefix) else { return cue }
        let rest = cue.dropFirst(modelPrefix.count)
        guard let space = rest.lastIndex(of: " ") else {
            return strings.text("quote.model", ["word": String(rest), "weight": ""])
        }
        let word = String(rest[..<space])
        let weight = String(rest[rest.index(after: space)...])
        let shown = Double(weight).map { ($0 >= 0 ? "+" : "−") + strings.number(abs($0)) } ?? weight
        return strings.text("quote.model", ["word": word, "weight": shown])
    }
}
