import Foundation

/// The word features of one passage by number: each feature's count, the first word that gave it, and its value
/// (1 + ln count, the word values scaled to unit length) — what both `FeatureVector` and `CompiledModel` read.
struct PassageWords {
    var numbers: [Int32] = []
    var counts: [Int] = []
    var firstWord: [Int] = []
    var values: [Double] = []

    init(_ text: AnalysedText, words: FeatureWords, analyser: WordAnalyser) {
        var found: [(number: Int32, token: Int)] = []
        found.reserveCapacity(text.tokens.count * 3)
        for (index, token) in text.tokens.enumerated() {
            for number in words.numbers(token.text, finnish: text.finnish, swedish: text.swedish, analyser: analyser) {
                found.append((number, index))
            }
        }
        found.sort { ($0.number, $0.token) < ($1.number, $1.token) }
        for item in found {
            if numbers.last == item.number {
                counts[counts.count - 1] += 1
                continue
            }
            numbers.append(item.number)
            counts.append(1)
            firstWord.append(item.token)
        }
        values = counts.map { 1 + log(Double($0)) }
        let norm = sqrt(values.reduce(0) { $0 + $1 * $1 })
        if norm > 0 { values = values.map { $0 / norm } }
    }
}
