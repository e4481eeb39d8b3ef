import EloExtraction
import EloTestSupport
import Foundation
import Testing

@testable import EloPipeline

/// The content hash is the identity of a document: it must be real SHA-256, whatever the chunking.
@Suite("content hash")
struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(text: String, hex: String) {
        #expect(ContentDigest.sha256(of: Data(text.utf8)) == hex)
    }

    /// A file larger than one read chunk, hashed by file and in memory, and the same files hashed in parallel.
    @Test func filesInParallelMatchInMemory() throws {
        let folder = try TemporaryFolder(prefix: "elo-hash")
        var urls: [URL] = []
        var expected: [String] = []
        for number in 0..<5 {
            let data = Data((0..<(1 << 20) + 77 * number).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ number) })
            urls.append(try folder.write(data, to: "f\(number).bin"))
            expected.append(ContentDigest.sha256(of: data))
        }
        urls.append(folder.url.appendingPathComponent("missing.bin"))
        let hashes = IngestSteps.hash(urls, threads: 3)
        #expect(hashes.count == 6)
        for (hash, want) in zip(hashes, expected) { #expect((try? hash.get()) == want) }
        #expect((try? hashes[5].get()) == nil)
        // One million times "a" (FIPS 180-2 test vector).
        #expect(
            ContentDigest.sha256(of: Data(repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

/// The scalar-based word splitter of the base-form text agrees with splitting on characters.
@Suite("base-form words")
struct BaseFormWordsTests {
    static func reference(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }

    @Test(arguments: [
        "Lapin ELO-ryhmä kokoontui 3 kertaa vuonna 2014.",
        "Ohjauspalvelut: TE-toimisto, ELY:n ja kuntien – yhteistyö!",
        "Vägledning på svenska: åtgärder för unga, 15–29 år.",
        "a\u{0308}iti\u{0301} e\u{0301}le\u{0300}ve – naïve café",
        "tab\tnew\nline  double  space…ellipsis «quotes» (sulut) [hakasulut] x/y",
        "½ ² ③ Ⅻ ٣ numbers",
        "",
    ])
    func agreesWithCharacters(text: String) {
        #expect(PassageBaseForms.words(in: text).map(String.init) == Self.reference(text))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: BaseFormWordsTests.seeds.path), "../shared/seeds absent"))
    func agreesOnTheSeedTexts() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.seeds, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }.prefix(40)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(
                PassageBaseForms.words(in: text).map(String.init) == Self.reference(text), "\(file.lastPathComponent)")
        }
    }

    static var seeds: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("../shared/seeds").standardizedFileURL
    }
}
