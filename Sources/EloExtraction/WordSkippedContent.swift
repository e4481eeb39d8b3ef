/// Where a Word parser is inside content it leaves out (a drawing's `mc:Fallback` copy, an ODT note or index):
/// from the element that starts it to its end, every nested element only deepens and closes it.
struct WordSkippedContent {
    private var depth = 0

    var isActive: Bool { depth > 0 }

    /// Leaves out the element just started and everything inside it.
    mutating func begin() {
        depth = 1
    }

    /// An element starts: true when it lies inside left-out content (and is then left out too).
    mutating func enters() -> Bool {
        guard depth > 0 else { return false }
        depth += 1
        return true
    }

    /// An element ends: true when it lay inside left-out content (the left-out content may end with it).
    mutating func leaves() -> Bool {
        guard depth > 0 else { return false }
        depth -= 1
        return true
    }
}
