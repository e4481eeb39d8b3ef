import EloExtraction
import Foundation

/// SHA-256 of a file's bytes, the identity of a document's content in the index (lower-case hex), as
/// ingest names it; computed by ``ContentDigest`` (libcrypto), the one SHA-256 of elo.
public enum ContentHash {
    public static func sha256(of data: Data) -> String { ContentDigest.sha256(of: data) }

    /// Hashes a file without holding it in memory.
    public static func sha256(ofFile url: URL) throws -> String { try ContentDigest.sha256(ofFile: url) }
}
