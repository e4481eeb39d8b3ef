/// Splits Swedish compounds at the words of a vocabulary. Snowball stems *karriärvägledningen* to
/// *karriärvägledning* and leaves it whole; with *vägledning* in the vocabulary the compound also stands for
/// it (and for *karriär*, when that is a word of the vocabulary too, with or without a linking -s-).
struct SwedishCompounds: Sendable {
    /// Stems (without the `sv:` prefix) that may end or begin a compound.
    let vocabulary: Set<String>

    static let minimumTail = 4
    static let minimumHead = 3

    /// The parts of `stem` (head and tail, or the tail alone when the head is no word of the vocabulary); none
    /// when no tail of at least four letters is a vocabulary word. The longest such tail wins.
    func parts(of stem: String) -> [String] {
        let letters = Array(stem)
        guard letters.count >= Self.minimumHead + Self.minimumTail else { return [] }
        for split in Self.minimumHead...(letters.count - Self.minimumTail) {
            let tail = String(letters[split...])
            guard vocabulary.contains(tail) else { continue }
            let head = String(letters[..<split])
            let heads = head.hasSuffix("s") && head.count > Self.minimumHead ? [head, String(head.dropLast())] : [head]
            if let known = heads.first(where: vocabulary.contains) { return [known, tail] }
            return [tail]
        }
        return []
    }
}
