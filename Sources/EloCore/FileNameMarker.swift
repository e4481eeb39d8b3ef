/// The version marker a region wrote into a file name: `plan_v2.pdf`, `plan_2.pdf`, `plan versio 2.pdf`,
/// `plan (1).pdf`, `plan päivitetty.pdf` / `plan uppdaterad.pdf`, `plan_2015-03.pdf`. Markers are read from the
/// end of the name without its extension; a four-digit number (`raportti_2014`) is a year, not a marker.
struct FileNameMarker: Hashable {
    /// 0 without a marker, 1 for a marker word, else the version number.
    var number = 0
    /// A date at the end of the name, `yyyy-mm` or `yyyy-mm-dd`.
    var date: String?

    /// Words that mark a later edition of the same document.
    static let words: Set<String> = [
        "päivitetty", "paivitetty", "korjattu", "uusi", "lopullinen", "uppdaterad", "reviderad", "korrigerad",
        "slutlig", "ny", "final", "updated", "revised", "new",
    ]
    /// Words that introduce a version number.
    static let versionWords: Set<String> = ["v", "ver", "versio", "version", "rev"]

    init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var stem = name.lowercased()
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        var words = stem.split(whereSeparator: { " _-.()".contains($0) }).map(String.init)
        while let last = words.last {
            if date == nil, let found = Self.trailingDate(&words) {
                date = found
                continue
            }
            if Self.words.contains(last) {
                number = max(number, 1)
            } else if let versioned = Self.versioned(last) {
                number = max(number, versioned)
            } else if let value = Int(last), last.count <= 2, words.count > 1 {
                number = max(number, value)
                if words.count > 2, Self.versionWords.contains(words[words.count - 2]) { words.removeLast() }
            } else {
                break
            }
            words.removeLast()
        }
    }

    /// `v2`, `ver3`, `rev1`: the number after a version word written together with it.
    static func versioned(_ word: String) -> Int? {
        for prefix in versionWords.sorted(by: { $0.count > $1.count }) where word.hasPrefix(prefix) {
            let digits = word.dropFirst(prefix.count)
            if !digits.isEmpty, digits.count <= 3, let value = Int(digits) { return value }
        }
        return nil
    }

    /// Removes and returns a `yyyy-mm(-dd)` date that ends `words` (already split at `-`).
    static func trailingDate(_ words: inout [String]) -> String? {
        func isYear(_ word: String) -> Bool {
            word.count == 4 && (word.hasPrefix("19") || word.hasPrefix("20")) && Int(word) != nil
        }
        func isPart(_ word: String, upTo limit: Int) -> Bool {
            word.count == 2 && (Int(word).map { (1...limit).contains($0) } ?? false)
        }
        let count = words.count
        if count >= 4, isYear(words[count - 3]), isPart(words[count - 2], upTo: 12), isPart(words[count - 1], upTo: 31)
        {
            defer { words.removeLast(3) }
            return "\(words[count - 3])-\(words[count - 2])-\(words[count - 1])"
        }
        if count >= 3, isYear(words[count - 2]), isPart(words[count - 1], upTo: 12) {
            defer { words.removeLast(2) }
            return "\(words[count - 2])-\(words[count - 1])"
        }
        return nil
    }
}

/// A date a document states in its text: `27.11.2014`, `2014-11-27`, or `11/2014`, as `yyyy-mm-dd` /
/// `yyyy-mm` (sortable as text).
enum StatedDate {
    /// The first date in `text`, or nil.
    static func first(in text: String) -> String? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index].isASCII, characters[index].isNumber,
                index == 0 || !isDateCharacter(characters[index - 1])
            {
                var end = index
                while end < characters.count, isDateCharacter(characters[end]) { end += 1 }
                var token = String(characters[index..<end])
                while let last = token.last, !last.isNumber { token.removeLast() }
                if let date = parse(token) { return date }
                index = end
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func isDateCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == "." || character == "-" || character == "/")
    }

    /// `d.m.yyyy`, `yyyy-mm-dd` or `m/yyyy`; nil for anything else (a year alone, a page count `1/3`).
    static func parse(_ token: String) -> String? {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        func year(_ part: Substring) -> Int? {
            guard part.count == 4, let value = Int(part), (1990...2099).contains(value) else { return nil }
            return value
        }
        for separator in [".", "-", "/"] as [Character] {
            let parts = token.split(separator: separator, omittingEmptySubsequences: false)
            switch (separator, parts.count) {
            case (".", 3):
                if let day = Int(parts[0]), let month = Int(parts[1]), let year = year(parts[2]),
                    (1...31).contains(day), (1...12).contains(month)
                {
                    return "\(year)-\(two(month))-\(two(day))"
                }
            case ("-", 3):
                if let year = year(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                    (1...12).contains(month), (1...31).contains(day)
                {
                    return "\(year)-\(two(month))-\(two(day))"
                }
            case ("/", 2):
                if let month = Int(parts[0]), let year = year(parts[1]), (1...12).contains(month) {
                    return "\(year)-\(two(month))"
                }
            default: break
            }
        }
        return nil
    }
}
