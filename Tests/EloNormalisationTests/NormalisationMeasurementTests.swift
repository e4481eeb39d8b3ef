import Foundation
import Testing
import EloCore
@testable import EloNormalisation

/// Measurement harness, off by default: set `ELO_NORM_MEASURE_DIR` to a folder of `ExtractedText` JSON
/// files (names ending `_fi.pdf.json` / `_sv.pdf.json` are checked for language) to print passage counts,
/// the fi/sv rate on passages of 60+ characters, and passages per second. Writes `<file>.passages.txt`.
@Suite struct NormalisationMeasurementTests {
    static let folder = ProcessInfo.processInfo.environment["ELO_NORM_MEASURE_DIR"]

    @Test(.enabled(if: folder != nil)) func measure() throws {
        let folder = URL(fileURLWithPath: Self.folder!)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        let inputs = try files.map { try JSONDecoder().decode(ExtractedText.self, from: Data(contentsOf: $0)) }
        let normaliser = try DocumentNormaliser()
        let start = Date()
        let documents = inputs.map(normaliser.run)
        let seconds = Date().timeIntervalSince(start)
        var checked = 0, correct = 0
        for (file, document) in zip(files, documents) {
            let expected: Language? = file.lastPathComponent.contains("_fi.") ? .finnish
                : file.lastPathComponent.contains("_sv.") ? .swedish : nil
            var dump = "language \(document.language.rawValue), \(document.passages.count) passages\n"
            for passage in document.passages {
                var mark = ""
                if let expected, passage.text.count >= 60 {
                    checked += 1
                    if passage.language == expected { correct += 1 } else { mark = " <<< WRONG" }
                }
                dump += "[p\(passage.page) #\(passage.index) \(passage.kind.rawValue) \(passage.language.rawValue)]\(mark) \(passage.text)\n"
            }
            try dump.write(to: file.deletingPathExtension().appendingPathExtension("passages.txt"), atomically: true, encoding: .utf8)
            print("\(file.lastPathComponent): \(document.language.rawValue), \(document.passages.count) passages")
        }
        var decisions = ""
        for input in inputs {
            for page in input.pages {
                for (line, next) in zip(page.lines, page.lines.dropFirst()) {
                    let left = UnicodeCleaner.clean(line.text), right = UnicodeCleaner.clean(next.text)
                    guard LineBreakHyphenResolver.endsWithBreakHyphen(left[...]), !right.isEmpty else { continue }
                    let word = left.split(separator: " ").last ?? ""
                    let decision = normaliser.hyphens.decide(left: left[...], right: right[...])
                    decisions += "\(decision.rawValue)\t\(word)\t\(right.prefix { $0 != " " })\n"
                }
            }
        }
        try decisions.write(to: folder.appendingPathComponent("hyphen-decisions.tsv"), atomically: true, encoding: .utf8)
        let total = documents.reduce(0) { $0 + $1.passages.count }
        print("language fi/sv on passages of 60+ chars: \(correct)/\(checked)")
        print("normalised \(documents.count) documents, \(total) passages in \(seconds) s: \(Double(total) / seconds) passages/s")
    }
}
