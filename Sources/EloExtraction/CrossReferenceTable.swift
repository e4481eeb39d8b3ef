import Foundation

/// The in-use entries of a classic PDF cross-reference table: `xref`, then subsections of a header line
/// `<first object> <count>` and `count` entries `oooooooooo ggggg n|f`, up to `trailer`. Line ends may be
/// `\n`, `\r\n`, `\r` or a space before either, and may change from line to line.
struct CrossReferenceTable {
    /// An object the table says is in use, and where the table says it starts.
    struct Entry: Equatable {
        var object: ObjectID
        var offset: Int
    }

    var inUse: [Entry]

    /// Reads the table whose `xref` keyword is at `start`; nil when an entry or subsection header is malformed.
    static func parse(_ bytes: Data, at start: Data.Index) -> CrossReferenceTable? {
        var entries: [Entry] = []
        var next = 0
        var remaining = 0
        var lines = PDFBytes.Lines(bytes, from: start)
        _ = lines.next()  // `xref`
        while let line = lines.next() {
            let fields = line.split(separator: 0x20)
            if remaining == 0 {
                // A subsection header "first count"; anything else (`trailer`) ends the table.
                guard fields.count == 2, let first = number(fields[0]), let count = number(fields[1]) else { break }
                (next, remaining) = (first, count)
                continue
            }
            guard fields.count == 3, fields[0].count == 10, fields[1].count == 5, fields[2].count == 1,
                let offset = number(fields[0]), let generation = number(fields[1]),
                let kind = fields[2].first, kind == 0x6E || kind == 0x66
            else { return nil }
            if kind == 0x6E {
                entries.append(Entry(object: ObjectID(number: next, generation: generation), offset: offset))
            }
            next += 1
            remaining -= 1
        }
        return remaining == 0 ? CrossReferenceTable(inUse: entries) : nil
    }

    private static func number(_ field: Data) -> Int? {
        guard !field.isEmpty, field.count <= 15, field.allSatisfy(PDFBytes.isDigit) else { return nil }
        return field.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

/// An indirect object's number and generation.
struct ObjectID: Hashable {
    var number: Int
    var generation: Int
}
