import CCrypto
import Foundation

/// SHA-256 in lower-case hex, through OpenSSL's libcrypto (which uses the CPU's SHA instructions where it
/// has them: hashing a night's inbox costs a fraction of reading it): the one implementation elo uses for
/// document identity (extraction, ingest's content hash, fingerprints).
public enum ContentDigest {
    public static func sha256(of data: Data) -> String {
        let digest = Digest()
        digest.update(with: data)
        return digest.hex()
    }

    /// Hashes a file in 1 MiB chunks, without holding it in memory.
    public static func sha256(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let digest = Digest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            digest.update(with: chunk)
        }
        return digest.hex()
    }

    /// One running SHA-256 computation.
    private final class Digest {
        private let context: OpaquePointer

        init() {
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                fatalError("libcrypto could not start a SHA-256 digest")
            }
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        func update(with data: Data) {
            data.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, raw.count > 0 else { return }
                EVP_DigestUpdate(context, base, raw.count)
            }
        }

        func hex() -> String {
            var bytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &bytes, &length)
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(Int(length) * 2)
            for byte in bytes.prefix(Int(length)) {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
