import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloPipeline

/// The worker's answer written and read by hand: the same JSON Foundation writes and reads, and anything
/// off that shape is left to Foundation.
@Suite struct WorkerWireTests {
    static let texts = [
        "Ohjauspalvelujen saatavuus paranee.", "", "\"lainaus\" ja \\ kenoviiva", "rivi\nvaihto\t\r",
        "\u{1}\u{1F}\u{7F}", "Vägledning på svenska – ÅÄÖ", "emoji 👩‍👩‍👧 𝔘", "a/b </script>", "\u{2028}\u{FEFF}",
    ]

    static func document(_ generator: inout SplitMix) -> Document {
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        let passages = (0..<Int(generator.next() % 6)).map { index in
            Passage(
                page: Int(generator.next() % 300), index: index, kind: pick(Passage.Kind.allCases),
                language: pick(Language.allCases),
                text: pick(texts) + pick(texts),
                labels: generator.next() % 3 == 0
                    ? [
                        PassageLabel(
                            id: "okm2011.laatu", score: 0.632,
                            evidence: [
                                PassageLabel.Evidence(cue: "laatu", text: pick(texts), start: 3, end: 9)
                            ])
                    ] : nil,
                ocrConfidence: generator.next() % 4 == 0 ? Double(generator.next() % 1000) / 7 : nil,
                nearMisses: generator.next() % 5 == 0 ? [] : nil)
        }
        let diagnostics = (0..<Int(generator.next() % 3)).map { _ in
            Diagnostic(
                id: "extraction.encrypted", severity: pick([.info, .warning, .error]), message: pick(texts),
                page: generator.next() % 2 == 0 ? nil : Int(generator.next() % 9))
        }
        return Document(
            path: "inbox/lappi/" + pick(texts), sha256: String(repeating: "ab", count: 32),
            pages: Int(generator.next() % 500),
            language: pick(Language.allCases), status: pick(ExtractionStatus.allCases),
            method: pick(ExtractionMethod.allCases),
            encoding: generator.next() % 2 == 0 ? nil : "windows-1252", diagnostics: diagnostics, passages: passages,
            ocrConfidence: generator.next() % 3 == 0 ? 0.1 + Double(generator.next() % 90) / 100 : nil)
    }

    @Test func handWrittenAndFoundationAgreeBothWays() throws {
        var generator = SplitMix(seed: 11)
        for _ in 0..<300 {
            let response = WorkerResponse(
                document: Self.document(&generator), cpuSeconds: Double(generator.next() % 10_000) / 3,
                peakMemoryMB: 1e-5 + Double(generator.next() % 100))
            let written = try #require(WorkerWire.encode(response))
            #expect(try JSONDecoder().decode(WorkerResponse.self, from: written).document == response.document)
            let read = try #require(WorkerWire.decode(written))
            #expect(read.document == response.document)
            #expect(read.cpuSeconds == response.cpuSeconds && read.peakMemoryMB == response.peakMemoryMB)
            let foundation = try JSONEncoder().encode(response)
            #expect(WorkerWire.decode(foundation)?.document == response.document)
            #expect(!written.contains(0x0A), "one answer is one line")
        }
    }

    @Test func leavesOtherShapesToFoundation() throws {
        var generator = SplitMix(seed: 3)
        let response = WorkerResponse(document: Self.document(&generator), cpuSeconds: 1, peakMemoryMB: 2)
        let line = String(decoding: try #require(WorkerWire.encode(response)), as: UTF8.self)
        for broken in [
            line.replacingOccurrences(of: #""pages":"#, with: #""pagez":"#),
            line.replacingOccurrences(of: #""cpuSeconds":1"#, with: #""cpuSeconds":"1""#),
            String(line.dropLast()), line + "x", "",
        ] {
            #expect(WorkerWire.decode(Data(broken.utf8)) == nil, "\(broken.prefix(60))")
        }
        var infinite = response
        infinite.cpuSeconds = .infinity
        #expect(WorkerWire.encode(infinite) == nil)
    }
}
