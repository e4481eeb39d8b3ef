import Foundation
import ZIPFoundation

/// A DOCX or ODT ZIP package opened from memory, whose parts are read with a cap on their unpacked size
/// (a small ZIP can unpack to gigabytes).
struct WordPackage {
    enum Failure: Error {
        case notAZip(String)
        case tooLarge(part: String)
        case unreadablePart(part: String, reason: String)
    }

    private let archive: Archive
    let maxPartBytes: Int

    init(bytes: Data, maxPartBytes: Int) throws(Failure) {
        do {
            archive = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw .notAZip("the ZIP structure cannot be read: \(error)")
        }
        self.maxPartBytes = maxPartBytes
        // An archive whose central directory lists no entries is as good as unreadable.
        guard archive.makeIterator().next() != nil else { throw .notAZip("the ZIP archive lists no entries") }
    }

    func has(_ part: String) -> Bool { archive[part] != nil }

    /// The unpacked bytes of `part`, or nil when the package has no such entry.
    func read(_ part: String) throws(Failure) -> Data? {
        guard let entry = archive[part] else { return nil }
        if entry.uncompressedSize > maxPartBytes { throw .tooLarge(part: part) }
        var data = Data()
        let limit = maxPartBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limit { throw CocoaError(.fileReadTooLarge) }
            }
        } catch let error as CocoaError where error.code == .fileReadTooLarge {
            throw .tooLarge(part: part)
        } catch {
            throw .unreadablePart(part: part, reason: "\(error)")
        }
        return data
    }
}
