/// Absolute paths of the machine a run happened on (`/srv/elo/corpus/inbox/lappi/plan.pdf`) have no place in
/// reports an analyst reads or forwards: they are shortened to their last two parts (`lappi/plan.pdf`, the
/// region folder and the file), which is how the index names documents anyway.
public enum MachinePath {
    /// `text` with every absolute path (a `/` starting a word and followed by more parts) shortened.
    public static func scrub(_ text: String) -> String {
        guard text.contains("/") else { return text }
        var out = ""
        var word = ""
        func flush() {
            out += shorten(word)
            word = ""
        }
        for character in text {
            if character.isWhitespace || "\"'(),;<>[]{}=".contains(character) {
                flush()
                out.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return out
    }

    /// One word: an absolute path of three or more parts becomes its last two (a trailing `:` stays).
    static func shorten(_ word: String) -> String {
        guard word.hasPrefix("/") else { return word }
        var body = Substring(word)
        var tail = ""
        while body.last == ":" {
            tail += ":"
            body = body.dropLast()
        }
        let parts = body.split(separator: "/")
        guard parts.count >= 3 else { return word }
        return parts.suffix(2).joined(separator: "/") + tail
    }
}
