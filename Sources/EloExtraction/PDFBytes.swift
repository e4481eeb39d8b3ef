import Foundation

/// Byte-level helpers for looking at a PDF's structure without parsing it.
enum PDFBytes {
    /// PDF white space: NUL, tab, line feed, form feed, carriage return, space.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether `<number> <generation> obj` starts at `offset`, after any white space — where poppler, like
    /// qpdf, reads an object's header (an offset may point at the line end before it).
    static func hasObjectHeader(_ object: ObjectID, in bytes: Data, at offset: Int) -> Bool {
        guard offset >= 0, offset < bytes.count else { return false }
        var index = bytes.startIndex + offset
        let end = min(bytes.endIndex, index + 64)
        func skipWhitespace() -> Bool {
            let before = index
            while index < end, isWhitespace(bytes[index]) { index += 1 }
            return index > before
        }
        func integer() -> Int? {
            var value = 0
            var digits = 0
            while index < end, isDigit(bytes[index]), digits < 15 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        _ = skipWhitespace()
        guard integer() == object.number, skipWhitespace(), integer() == object.generation else { return false }
        _ = skipWhitespace()
        return end - index >= 3 && bytes[index] == 0x6F && bytes[index + 1] == 0x62 && bytes[index + 2] == 0x6A
    }

    /// Every `<number> <generation> obj` header in the file, found by scanning (as a reader rebuilding a
    /// damaged cross-reference table does).
    static func objectHeaders(in bytes: Data) -> Set<ObjectID> {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Set<ObjectID> in
            let buffer = raw.bindMemory(to: UInt8.self)
            var found: Set<ObjectID> = []
            var index = 0
            while index + 3 <= buffer.count {
                if buffer[index] == 0x6F, buffer[index + 1] == 0x62, buffer[index + 2] == 0x6A,
                    let object = header(endingBefore: index, in: buffer)
                {
                    found.insert(object)
                }
                index += 1
            }
            return found
        }
    }

    /// The object number and generation written just before the `obj` keyword at `keyword`.
    private static func header(endingBefore keyword: Int, in buffer: UnsafeBufferPointer<UInt8>) -> ObjectID? {
        var index = keyword
        func integerBefore() -> Int? {
            let end = index
            while index > 0, isWhitespace(buffer[index - 1]) { index -= 1 }
            guard index < end else { return nil }  // white space is required before each part
            let digitsEnd = index
            while index > 0, isDigit(buffer[index - 1]), digitsEnd - index < 15 { index -= 1 }
            guard index < digitsEnd else { return nil }
            return buffer[index..<digitsEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let generation = integerBefore(), let number = integerBefore() else { return nil }
        // The number starts the header: nothing but white space or a delimiter before it.
        if index > 0, isDigit(buffer[index - 1]) || isRegular(buffer[index - 1]) { return nil }
        return ObjectID(number: number, generation: generation)
    }

    private static func isRegular(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !"()<>[]{}/%".utf8.contains(byte)
    }

    /// The lines of `bytes` from `start`, split at carriage returns and line feeds in any mix; empty lines skipped.
    struct Lines: IteratorProtocol {
        let bytes: Data
        var index: Data.Index

        init(_ bytes: Data, from start: Data.Index) {
            self.bytes = bytes
            self.index = start
        }

        mutating func next() -> Data? {
            while index < bytes.endIndex, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard index < bytes.endIndex else { return nil }
            let start = index
            while index < bytes.endIndex, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            return bytes[start..<index]
        }
    }
}
