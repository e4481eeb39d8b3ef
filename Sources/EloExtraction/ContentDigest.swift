import CPoppler
import Foundation

/// SHA-256 in lower-case hex, through GLib's GChecksum (linked with poppler-glib anyway): the one
/// implementation elo uses for document identity (extraction, ingest's content hash, fingerprints).
public enum ContentDigest {
    public static func sha256(of data: Data) -> String {
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)
        defer { g_checksum_free(checksum) }
        update(checksum, with: data)
        return String(cString: g_checksum_get_string(checksum))
    }

    /// Hashes a file in 1 MiB chunks, without holding it in memory.
    public static func sha256(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)
        defer { g_checksum_free(checksum) }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            update(checksum, with: chunk)
        }
        return String(cString: g_checksum_get_string(checksum))
    }

    private static func update(_ checksum: OpaquePointer?, with data: Data) {
        data.withUnsafeBytes { raw in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress, raw.count > 0 else { return }
            g_checksum_update(checksum, base, gssize(raw.count))
        }
    }
}
