import CPoppler
import EloCore
import Foundation

/// The bytes of one submitted file, read once, with what they look like.
struct DocumentFile {
    let path: String
    let bytes: Data

    /// Reads `url`, refusing folders, missing files and files above `limits.maxFileBytes`.
    static func read(_ url: URL, limits: ExtractionLimits) -> Result<DocumentFile, ExtractionFailure> {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.fileRefused(ExtractionFinding.missingFile.about(path)))
        }
        if isDirectory.boolValue {
            return .failure(.fileRefused(ExtractionFinding.notAFile(kind: "a folder").about(path)))
        }
        let target = url.resolvingSymlinksInPath().path  // a symlinked document is read as its target
        let attributes = (try? FileManager.default.attributesOfItem(atPath: target)) ?? [:]
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            // Devices, pipes and sockets have no size to check and may never end.
            return .failure(.fileRefused(ExtractionFinding.notAFile(kind: "a device, pipe or socket").about(path)))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxFileBytes {
            return .failure(
                .fileRefused(ExtractionFinding.tooLarge(bytes: size, limit: limits.maxFileBytes).about(path)))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.fileRefused(ExtractionFinding.unreadable(reason: "no permission to read it").about(path)))
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit so a file that grew after the size check is still refused.
            let data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
            if data.count > limits.maxFileBytes {
                return .failure(
                    .fileRefused(
                        ExtractionFinding.tooLarge(bytes: data.count, limit: limits.maxFileBytes).about(path)))
            }
            return .success(DocumentFile(path: path, bytes: data))
        } catch {
            return .failure(.fileRefused(ExtractionFinding.unreadable(reason: "read error: \(error)").about(path)))
        }
    }

    /// Whether `%PDF` occurs within the first 1024 bytes (where readers accept the header).
    var looksLikePDF: Bool {
        let head = bytes.prefix(1024)
        let magic: [UInt8] = [0x25, 0x50, 0x44, 0x46]
        guard head.count >= magic.count else { return false }
        return head.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            for i in 0...(b.count - magic.count) where b[i] == 0x25 {
                if b[i + 1] == 0x50 && b[i + 2] == 0x44 && b[i + 3] == 0x46 { return true }
            }
            return false
        }
    }

    /// Whether the first 64 KiB hold PDF objects (`1 0 obj` … `endobj`): a PDF whose `%PDF` header was lost, which
    /// readers can still open.
    var hasPDFObjects: Bool {
        let head = bytes.prefix(65_536)
        guard let end = head.range(of: Data("endobj".utf8)) else { return false }
        return head[..<end.lowerBound].range(of: Data(" obj".utf8)) != nil
    }

    /// Whether the file name says PDF, whatever the bytes say.
    var isNamedPDF: Bool { path.lowercased().hasSuffix(".pdf") }

    /// Lower-case hex SHA-256 of the bytes (``ContentDigest``).
    var sha256: String { ContentDigest.sha256(of: bytes) }
}
