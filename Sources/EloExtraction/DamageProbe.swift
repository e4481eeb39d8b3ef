import Foundation

/// A cheap look at a PDF's file structure, for damage poppler repairs silently: a missing end-of-file
/// marker (truncation) or a `startxref` that points nowhere (a cross-reference table rebuilt by scanning).
enum DamageProbe {
    /// Why the file looks damaged, or nil when its tail is in order.
    static func reason(_ bytes: Data) -> String? {
        let tail = Array(bytes.suffix(1024))
        guard let eof = lastRange(of: Array("%%EOF".utf8), in: tail) else {
            return "truncated: no %%EOF end marker"
        }
        guard let startxref = lastRange(of: Array("startxref".utf8), in: tail), startxref < eof else {
            return "no startxref pointer before %%EOF"
        }
        var index = startxref + 9
        while index < tail.count, tail[index] == 0x20 || tail[index] == 0x0A || tail[index] == 0x0D { index += 1 }
        var offset = 0, digits = 0
        while index < tail.count, tail[index] >= 0x30, tail[index] <= 0x39, digits < 15 {
            offset = offset * 10 + Int(tail[index] - 0x30)
            index += 1
            digits += 1
        }
        guard digits > 0, offset < bytes.count else { return "startxref points outside the file" }
        let start = bytes.startIndex + offset
        let target = Array(bytes[start..<min(bytes.endIndex, start + 32)])
        if target.starts(with: Array("xref".utf8)) { return xrefTableProblem(bytes, at: start) }
        // A cross-reference stream: "<num> <gen> obj".
        if let first = target.first, first >= 0x30, first <= 0x39,
           lastRange(of: Array("obj".utf8), in: target) != nil { return nil }
        return "startxref does not point at a cross-reference table"
    }

    /// Checks the first entries of a classic cross-reference table: each must be `oooooooooo ggggg n|f`,
    /// and an in-use entry must point at `<num> <gen> obj`.
    private static func xrefTableProblem(_ bytes: Data, at start: Data.Index) -> String? {
        let window = bytes[start..<min(bytes.endIndex, start + 8192)]
        let lines = window.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D }.dropFirst()
        var expected = 0
        var checked = 0
        for line in lines where checked < 200 {
            let fields = line.split(separator: 0x20)
            if expected == 0 {
                // A subsection header "first count", or the trailer.
                guard fields.count == 2, let count = Int(String(decoding: fields[1], as: UTF8.self)) else { break }
                expected = count
                continue
            }
            expected -= 1
            checked += 1
            guard fields.count == 3, fields[0].count == 10, fields[1].count == 5,
                  let kind = fields[2].first, kind == 0x6E || kind == 0x66,
                  let offset = Int(String(decoding: fields[0], as: UTF8.self)) else {
                return "malformed cross-reference table"
            }
            if kind == 0x6E && !pointsAtObject(bytes, offset) { return "cross-reference offsets are wrong" }
        }
        return nil
    }

    private static func pointsAtObject(_ bytes: Data, _ offset: Int) -> Bool {
        guard offset >= 0, offset < bytes.count else { return false }
        let start = bytes.startIndex + offset
        let head = bytes[start..<min(bytes.endIndex, start + 24)]
        guard let first = head.first, first >= 0x30, first <= 0x39 else { return false }
        return String(decoding: head, as: UTF8.self).contains("obj")
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
