import Foundation
import Testing

@testable import EloClassification

@Suite("model evidence numbers (two decimals)")
struct HundredthsTests {
    /// A fixed sequence of doubles (an LCG), so that a failure repeats.
    private static func values(count: Int, scale: Double) -> [Double] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) / Double(1 << 53) * 2 - 1) * scale
        }
    }

    @Test("as printf writes them", arguments: [0.02, 1, 3, 1_000, 1e9])
    func likePrintf(scale: Double) {
        let mismatches = Self.values(count: 50_000, scale: scale).filter {
            Hundredths.text($0) != String(format: "%.2f", $0)
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test("ties and near-ties: exact halves go to the even hundredth, decimal literals by their binary value")
    func ties() {
        var cases: [Double] = [0, -0.0, 0.005, 0.015, 0.025, 0.125, 0.375, -0.125, 2.675, 1.005, 0.995, -0.001, 99.995]
        for k in -80...80 { cases.append(Double(k) / 8) }
        for k in 0...2_000 {
            let literal = Double(k) / 1_000 + 0.005
            cases += [literal, literal.nextUp, literal.nextDown, -literal]
        }
        let mismatches = cases.filter { Hundredths.text($0) != String(format: "%.2f", $0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
        #expect(Hundredths.text(0.125) == "0.12")
        #expect(Hundredths.text(0.42) == "0.42")
    }
}
