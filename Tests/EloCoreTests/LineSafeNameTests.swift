import EloCore
import Testing

@Suite("Line-safe names")
struct LineSafeNameTests {
    @Test(arguments: [
        ("lappi/plan.pdf", "lappi/plan.pdf"),
        ("Österbotten/planen för 2014.pdf", "Österbotten/planen för 2014.pdf"),
        ("plan\nB.pdf", "plan\\nB.pdf"),
        ("a\rb\tc", "a\\rb\\tc"),
        ("x\u{1B}[2Jy", "x\\u{1B}[2Jy"),
        ("rivi\u{2028}kaksi", "rivi\\u{2028}kaksi"),
    ])
    func escapesWhatBreaksALine(name: String, shown: String) {
        #expect(LineSafeName.escape(name) == shown)
        #expect(!LineSafeName.escape(name).contains { $0.isNewline })
    }

    @Test func bytesThatAreNotUTF8AreShownAsHex() {
        #expect(LineSafeName.escape(bytes: Array("p".utf8) + [0xE4] + Array("iv\n.txt".utf8)) == "p\\xE4iv\\n.txt")
        #expect(LineSafeName.escape(bytes: Array("för".utf8)) == "för")
        #expect(LineSafeName.escape(bytes: [0xC3]) == "\\xC3")
    }
}
