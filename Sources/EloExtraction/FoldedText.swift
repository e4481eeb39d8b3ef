/// Text built scalar by scalar in which every run of white space becomes one space and neither end has any:
/// the folding the Word readers and the OCR accuracy measure share.
struct FoldedText {
    private var output = String.UnicodeScalarView()
    private var pendingSpace = false

    /// White space was met: one space goes before the next scalar, unless nothing came before it.
    mutating func space() {
        pendingSpace = !output.isEmpty
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if pendingSpace {
            output.append(" ")
            pendingSpace = false
        }
        output.append(scalar)
    }

    var text: String { String(output) }
}
