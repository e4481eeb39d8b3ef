/// File names derived from region or document names, made safe: only `[a-z0-9-]`, never empty, never
/// `.`/`..`, no separators, bounded length — a name such as `../../etc/passwd` or `/etc/passwd` cannot
/// leave the output folder. Letters with diacritics are folded (`Pohjois-Savo` → `pohjois-savo`,
/// `Österbotten` → `osterbotten`); names with nothing left become `region-<hash>`.
public enum ReportFileName {
    public static let maximumLength = 64

    public static func slug(_ name: String) -> String {
        var out = ""
        var lastWasDash = true
        for character in name.lowercased() {
            let folded = fold(character)
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    out.unicodeScalars.append(scalar)
                    lastWasDash = false
                } else if !lastWasDash {
                    out += "-"
                    lastWasDash = true
                }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > maximumLength {
            out = String(out.prefix(maximumLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "region-\(stableHash(name))" : out
    }

    /// Slugs for several names at once, made unique in order (`a-b`, `a-b-2`, …).
    public static func uniqueSlugs(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let base = slug(name)
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// Latin letters with diacritics to their base letter; other letters are dropped by `slug`.
    private static func fold(_ character: Character) -> String {
        switch character {
        case "ä", "å", "á", "à", "â", "ã": "a"
        case "ö", "ø", "ó", "ò", "ô", "õ": "o"
        case "ü", "ú", "ù", "û": "u"
        case "é", "è", "ê", "ë": "e"
        case "í", "ì", "î", "ï": "i"
        case "š": "s"
        case "ž": "z"
        case "ç": "c"
        case "ñ": "n"
        case "ß": "ss"
        case "æ": "ae"
        default: String(character)
        }
    }

    /// FNV-1a over the UTF-8 bytes, 8 hex digits: stable across runs and platforms (unlike `hashValue`).
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
