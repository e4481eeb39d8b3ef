import EloTestSupport
import Testing

@testable import EloClassification

/// Word splitting: the scalar-by-scalar path must give exactly the tokens (texts, Character offsets,
/// suspended marks, ranges) of the Character-by-Character one, and must only be taken where every scalar is a
/// Character of its own.
@Suite struct TokenTests {
    /// Every scalar the fast path admits is one Character next to any admitted neighbour: itself, letters,
    /// punctuation, controls, soft hyphens, bullets.
    @Test func admittedScalarsAreCharactersOfTheirOwn() {
        let neighbours: [Unicode.Scalar] = [
            "a", "ä", "Å", " ", "\n", "\t", "-", ":", "\u{AD}", "\u{2011}", "’", "•", "\u{F0B7}", "\u{2028}",
            "\u{1E9E}",
        ]
        var admitted = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), Token.isOwnCharacter(scalar) else { continue }
            admitted += 1
            for neighbour in neighbours + [scalar] where Token.isOwnCharacter(neighbour) {
                var pair = String.UnicodeScalarView()
                pair.append(scalar)
                pair.append(neighbour)
                #expect(
                    String(pair).count == 2,
                    "U+\(String(value, radix: 16)) followed by U+\(String(neighbour.value, radix: 16))")
                pair = String.UnicodeScalarView([neighbour, scalar])
                #expect(
                    String(pair).count == 2,
                    "U+\(String(neighbour.value, radix: 16)) followed by U+\(String(value, radix: 16))")
            }
        }
        #expect(admitted > 10_000)
        // what combines or joins is not admitted
        for scalar: Unicode.Scalar in [
            "\r", "\u{300}", "\u{30A}", "\u{200D}", "\u{20DD}", "\u{FE0F}", "\u{1F1EB}", "\u{AC00}",
        ] {
            #expect(!Token.isOwnCharacter(scalar))
        }
    }

    @Test(arguments: [
        "Alueen ohjauspalvelujen saatavuus paranee.",
        "yhteistyö TE-toimistojen ja ELY:n kanssa; ohjaus- ja neuvontapalvelut",
        "social- och hälsovården, bl.a. Navigatorn – t.ex. 24/7",
        "Opinto\u{AD}ohjaus ja TE\u{2011}toimisto, ’lainaus’ -- - loppu-",
        "• 1. 2014–2020: 15 %, 3,5 M€ (ks. liite 2) ◦ ■ \u{F0B7} Ohjaamo",
        "",
        "   ",
        "a",
        "ÅÄÖ åäö ß ẞ Œuvre ﬁnanssi",
    ])
    func bothPathsGiveTheSameTokens(text: String) throws {
        let fast = try #require(Token.splitByScalars(text))
        #expect(fast == Token.splitByCharacters(text))
    }

    /// Random texts over letters, digits, the joining marks, soft and non-breaking hyphens, spaces and
    /// punctuation: both paths agree.
    @Test func bothPathsAgreeOnRandomTexts() throws {
        let pool = Array("aäöåbcEÄÖÅ019 -:'’\u{AD}\u{2011}.,;()–•\n")
        var generator = SplitMix(seed: 2026)
        for _ in 0..<2000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] })
            let fast = try #require(Token.splitByScalars(text))
            #expect(fast == Token.splitByCharacters(text), "\(text.debugDescription)")
        }
    }

    /// A decomposed letter (a + combining ring) is one Character: the split falls back and counts it once.
    @Test func combiningMarksFallBackToCharacters() {
        let text = "Sa\u{30A}dant ohjaus"
        #expect(Token.splitByScalars(text) == nil)
        let tokens = Token.split(text)
        #expect(tokens.map(\.text) == ["Sa\u{30A}dant", "ohjaus"])
        #expect(tokens.map(\.start) == [0, 7])
        #expect(tokens.map(\.end) == [6, 13])
    }
}
