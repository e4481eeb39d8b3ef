import Testing

@testable import EloNormalisation

/// The shortcuts that keep normalisation within reach of `pdftotext` must never change a result: each is
/// checked against the slow path it skips, over every scalar of the Basic Multilingual Plane.
@Suite struct FastPathTests {
    static let bmp: [Unicode.Scalar] = (0x20...0xFFFD).compactMap(Unicode.Scalar.init)

    @Test func cleanIsSkippedOnlyWhenItWouldChangeNothing() {
        var skipped = 0
        for scalar in Self.bmp {
            for line in ["ab\(scalar)cd", "\(scalar)abc", "abc\(scalar)", "a \(scalar) b"] {
                let needs = UnicodeCleaner.needsCleaning(line[...])
                let changes = UnicodeCleaner.cleanScalarByScalar(line[...]) != line
                // (a soft hyphen ending a line after a letter is kept for the joiner: looked at, left as it is)
                let keptSoftHyphen = needs && !changes && line.unicodeScalars.last == "\u{AD}"
                #expect(
                    needs == changes || keptSoftHyphen,
                    "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(line.debugDescription)")
                if !needs { skipped += 1 }
            }
        }
        // Ordinary letters, digits and punctuation take the shortcut.
        #expect(skipped > Self.bmp.count * 3)
        for line in ["ohjaus  palvelut", " alku", "loppu ", "a\tb", "työ\u{A0}elämä", "o\u{FB03}ce"] {
            #expect(UnicodeCleaner.needsCleaning(line[...]), "\(line.debugDescription)")
        }
    }

    @Test func scalarsICUWouldChangeAreNeverSkipped() {
        for scalar in Self.bmp {
            for text in ["a\(scalar)", "\(scalar)\u{30A}", "å\(scalar)"] where UnicodeCleaner.isSurelyNFC(text) {
                #expect(
                    UnicodeCleaner.normaliseThroughICU(text) == text,
                    "U+\(String(scalar.value, radix: 16, uppercase: true)) was taken for NFC in \(text.debugDescription)"
                )
            }
        }
        #expect(UnicodeCleaner.isSurelyNFC("Työ- ja elinkeinotoimisto – ”ELO” • Åbo"))
        #expect(!UnicodeCleaner.isSurelyNFC("ta\u{308}ma\u{308}"))
        #expect(!UnicodeCleaner.isSurelyNFC("\u{E5}\u{30A}terbetalning"))
    }

    @Test func vocabularyFindsWordsAsWrittenInAnyCase() {
        let words = DocumentVocabulary(lines: ["Ohjaamo-toiminta alkoi (Pohjois-Savossa).", "ÄLYKÄS ”Vägledning” työ"])
        #expect(words.contains("ohjaamo-toiminta"))
        #expect(words.contains("Pohjois-Savossa"))
        #expect(words.contains("pohjois-savossa"))
        #expect(words.contains("älykäs"))
        #expect(words.contains("vägledning"))
        #expect(words.contains("VÄGLEDNING"))
        #expect(!words.contains("työ"))  // three letters or fewer are left out, as before
        #expect(!words.contains("ohjaamotoiminta"))
        #expect(!words.contains("alkoivat"))
        #expect(words.contains("alkoi,"))  // the query is trimmed like the document's words
    }
}
