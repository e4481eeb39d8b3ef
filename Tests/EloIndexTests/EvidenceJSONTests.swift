import EloCore
import EloTestSupport
import Foundation
import Testing

/// The hand-written evidence column: what it writes is JSON Foundation reads back unchanged, what it reads
/// agrees with Foundation, and anything off the shape is left to Foundation (nil).
@Suite struct EvidenceJSONTests {
    static let awkward = [
        "laatu", "laadun", "", "\"lainaus\"", "back\\slash", "rivi\nvaihto\ttab\r", "\u{1}\u{1F}",
        "ÅÄÖ åäö", "emoji 👩‍👩‍👧 ja 𝔘", "a/b", "\u{2028}", "é\u{301}",
    ]

    static func random(_ generator: inout SplitMix) -> [PassageLabel.Evidence] {
        (0..<Int(generator.next() % 4)).map { _ in
            let cue = awkward[Int(generator.next() % UInt64(awkward.count))]
            let text =
                awkward[Int(generator.next() % UInt64(awkward.count))]
                + awkward[Int(generator.next() % UInt64(awkward.count))]
            let start = Int(generator.next() % 5000)
            return PassageLabel.Evidence(cue: cue, text: text, start: start, end: start + Int(generator.next() % 40))
        }
    }

    @Test func writesJSONThatFoundationReadsAndReadsWhatFoundationWrites() throws {
        var generator = SplitMix(seed: 7)
        let encoder = JSONEncoder()
        for _ in 0..<500 {
            let evidence = Self.random(&generator)
            let written = EvidenceJSON.encode(evidence)
            #expect(try JSONDecoder().decode([PassageLabel.Evidence].self, from: Data(written.utf8)) == evidence)
            #expect(EvidenceJSON.decode(written) == evidence)
            let foundation = String(decoding: try encoder.encode(evidence), as: UTF8.self)
            #expect(EvidenceJSON.decode(foundation) == evidence, "\(foundation)")
        }
    }

    @Test func readsWhitespaceKeyOrderAndEscapes() {
        let json = #" [ { "end" : 16 , "start":10, "text": "laa\u0064un \ud83d\ude00 \/", "cue":"laatu" } ] "#
        #expect(
            EvidenceJSON.decode(json) == [PassageLabel.Evidence(cue: "laatu", text: "laadun 😀 /", start: 10, end: 16)])
        #expect(EvidenceJSON.decode("[]") == [])
    }

    @Test(arguments: [
        "", "[", "[{}]", "{}", "[{\"cue\":\"a\",\"text\":\"b\",\"start\":1}]",  // missing end
        "[{\"cue\":\"a\",\"text\":\"b\",\"start\":1,\"end\":2,\"extra\":3}]",  // unknown key
        "[{\"cue\":\"a\",\"text\":\"b\",\"start\":1.5,\"end\":2}]",  // not an integer
        "[{\"cue\":\"a\",\"text\":\"b\",\"start\":1,\"end\":2}] x",  // trailing text
        "[{\"cue\":\"a\u{1}\",\"text\":\"b\",\"start\":1,\"end\":2}]",  // raw control character
        "[{\"cue\":\"\\ud83d\",\"text\":\"b\",\"start\":1,\"end\":2}]",  // lone surrogate
        "[{\"cue\":\"a\",\"text\":\"b\",\"start\":1,\"end\":2},]",  // trailing comma
    ])
    func leavesAnythingElseToFoundation(json: String) {
        #expect(EvidenceJSON.decode(json) == nil)
    }
}
