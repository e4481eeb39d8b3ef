import Foundation

/// A cheap look at a PDF's file structure, for damage poppler repairs silently: a missing end-of-file
/// marker (truncation), a `startxref` that points nowhere, or a cross-reference table whose offsets do
/// not lead to the objects it lists (poppler then rebuilds the table by scanning the file).
enum DamageProbe {
    /// What the probe found wrong with a file's structure.
    enum Finding: Equatable {
        /// Damage that may have cost text: the file is cut off, or its cross-reference data is missing,
        /// malformed, or lists objects the file does not hold.
        case damaged(String)
        /// A well-formed cross-reference table with wrong byte offsets, while every object it lists is in
        /// the file: poppler rebuilds the table by scanning, and nothing is lost.
        case repairableCrossReference(String)

        /// Why the file looks damaged, for a person.
        var reason: String {
            switch self {
            case .damaged(let reason), .repairableCrossReference(let reason): reason
            }
        }
    }

    /// What is wrong with the file's structure, or nil when its tail and cross-reference table are in order.
    static func inspect(_ bytes: Data) -> Finding? {
        let tail = Array(bytes.suffix(1024))
        guard let eof = lastRange(of: Array("%%EOF".utf8), in: tail) else {
            return .damaged("truncated: no %%EOF end marker")
        }
        guard let startxref = lastRange(of: Array("startxref".utf8), in: tail), startxref < eof else {
            return .damaged("no startxref pointer before %%EOF")
        }
        var index = startxref + 9
        while index < tail.count, PDFBytes.isWhitespace(tail[index]) { index += 1 }
        var offset = 0
        var digits = 0
        while index < tail.count, PDFBytes.isDigit(tail[index]), digits < 15 {
            offset = offset * 10 + Int(tail[index] - 0x30)
            index += 1
            digits += 1
        }
        guard digits > 0, offset < bytes.count else { return .damaged("startxref points outside the file") }
        let start = bytes.startIndex + offset
        let target = Array(bytes[start..<min(bytes.endIndex, start + 32)])
        if target.starts(with: Array("xref".utf8)) { return crossReferenceTableProblem(bytes, at: start) }
        // A cross-reference stream: "<num> <gen> obj".
        if let first = target.first, PDFBytes.isDigit(first),
            lastRange(of: Array("obj".utf8), in: target) != nil
        {
            return nil
        }
        return .damaged("startxref does not point at a cross-reference table")
    }

    /// Checks a classic cross-reference table: its entries must be well-formed, and each in-use entry must
    /// lead to its own object (`<num> <gen> obj`, after any white space). When some do not, the file is
    /// still whole if every listed object can be found elsewhere in it.
    private static func crossReferenceTableProblem(_ bytes: Data, at start: Data.Index) -> Finding? {
        guard let table = CrossReferenceTable.parse(bytes, at: start) else {
            return .damaged("malformed cross-reference table")
        }
        let misplaced = table.inUse.filter { !PDFBytes.hasObjectHeader($0.object, in: bytes, at: $0.offset) }
        guard !misplaced.isEmpty else { return nil }
        let present = PDFBytes.objectHeaders(in: bytes)
        let missing = misplaced.filter { !present.contains($0.object) }
        if !missing.isEmpty {
            return .damaged("cross-reference offsets are wrong and \(missing.count) listed object(s) are missing")
        }
        return .repairableCrossReference(
            "cross-reference offsets are wrong for \(misplaced.count) of \(table.inUse.count) objects")
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle {
                return index
            }
            index -= 1
        }
        return nil
    }
}

extension DamageProbe {
    /// For a PDF cut off before its trailer: the bytes with a minimal trailer appended that names the
    /// catalog object found by scanning, so poppler can rebuild the rest. Nil when no catalog is found
    /// (e.g. it sits in a compressed object stream) or the file already has a trailer.
    static func withRebuiltTrailer(_ bytes: Data) -> Data? {
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        guard !text.contains("trailer"), !text.contains("/XRef") else { return nil }
        guard let match = text.firstMatch(of: /(\d+)\s+(\d+)\s+obj\s*<<\s*\/Type\s*\/Catalog/) else { return nil }
        var repaired = bytes
        repaired.append(Data("\ntrailer\n<< /Root \(match.1) \(match.2) R >>\n%%EOF\n".utf8))
        return repaired
    }
}
