import Foundation
import ZIPFoundation

/// A DOCX or ODT ZIP package opened from memory, whose parts are read with a cap on their unpacked size
/// (a small ZIP can unpack to gigabytes).
struct WordPackage {
    private let archive: Archive
    let maxPartBytes: Int

    init(bytes: Data, maxPartBytes: Int) throws(ExtractionFailure) {
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
    func read(_ part: String) throws(ExtractionFailure) -> Data? {
        guard let entry = archive[part] else { return nil }
        if entry.uncompressedSize > maxPartBytes { throw .partTooLarge(part: part) }
        var data = Data()
        let limit = maxPartBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > limit { throw CocoaError(.fileReadTooLarge) }
            }
        } catch let error as CocoaError where error.code == .fileReadTooLarge {
            throw .partTooLarge(part: part)
        } catch {
            throw .partUnreadable(part: part, reason: "\(error)")
        }
        return data
    }
}
