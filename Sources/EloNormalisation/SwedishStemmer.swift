import CStemmer

/// Snowball stemmer (libstemmer) for Swedish, or another language Snowball knows.
///
/// A stemmer must not be shared between threads: make one per worker task.
public final class SnowballStemmer {
    private let stemmer: OpaquePointer

    /// `algorithm` is a Snowball name such as `swedish` or `finnish`.
    public init(algorithm: String = "swedish") throws(LexiconError) {
        guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else {
            throw LexiconError(
                message:
                    "libstemmer has no '\(algorithm)' stemmer — install the Debian package libstemmer0d (make deps does)"
            )
        }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one word; the word is lower-cased first.
    public func stem(_ word: String) -> String {
        let lower = Array(word.lowercased().utf8)
        guard
            let out = lower.withUnsafeBufferPointer({ buffer in
                sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count))
            })
        else { return word.lowercased() }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
}
