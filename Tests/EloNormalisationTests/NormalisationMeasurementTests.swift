import EloCore
import EloExtraction
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// Measurement harness, off by default: set `ELO_NORM_MEASURE_DIR` to a folder of `ExtractedText` JSON
/// files (names ending `_fi.pdf.json` / `_sv.pdf.json` are checked for language) to print passage counts,
/// the fi/sv rate on passages of 60+ characters, and passages per second. Writes `<file>.passages.txt`.
@Suite struct NormalisationMeasurementTests {
    static let folder = ProcessInfo.processInfo.environment["ELO_NORM_MEASURE_DIR"]

    /// `ELO_NORM_MEASURE_REAL=1`: the real PDFs through the project's extractor, then normalisation;
    /// prints the fi/sv rate on passages of 60+ characters and the time of each stage.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["ELO_NORM_MEASURE_REAL"] != nil && SharedTestData.root != nil))
    func measureRealPDFs() throws {
        let files = SharedTestData.files(in: "pdf/real")
        let extractor = DocumentExtractor()
        let initStart = Date()
        let normaliser = try DocumentNormaliser()
        print("normaliser set-up (Voikko, Hunspell, ICU): \(Date().timeIntervalSince(initStart)) s")
        var extractSeconds = 0.0
        var normaliseSeconds = 0.0
        var checked = 0
        var correct = 0
        var passages = 0
        for file in files {
            let t0 = Date()
            let extracted = extractor.run(url: file, password: nil)
            let t1 = Date()
            let document = normaliser.run(extracted)
            let t2 = Date()
            extractSeconds += t1.timeIntervalSince(t0)
            normaliseSeconds += t2.timeIntervalSince(t1)
            passages += document.passages.count
            let name = file.lastPathComponent
            let expected: Language = name.contains("_fi.") ? .finnish : .swedish
            let long = document.passages.filter { $0.text.count >= 60 }
            checked += long.count
            correct += long.filter { $0.language == expected }.count
            if let dump = ProcessInfo.processInfo.environment["ELO_NORM_DUMP_DIR"] {
                let lines = document.passages.map {
                    "[p\($0.page) #\($0.index) \($0.kind.rawValue) \($0.language.rawValue)] \($0.text)"
                }
                try lines.joined(separator: "\n").write(
                    toFile: "\(dump)/\(name).txt", atomically: true, encoding: .utf8)
                try JSONEncoder().encode(extracted).write(to: URL(fileURLWithPath: "\(dump)/\(name).json"))
            }
            print(
                "\(name): \(document.language.rawValue), \(document.passages.count) passages, \(long.filter { $0.language == expected }.count)/\(long.count) long passages right"
            )
        }
        print("fi/sv on passages of 60+ chars: \(correct)/\(checked)")
        print(
            "extraction \(extractSeconds) s, normalisation \(normaliseSeconds) s, \(passages) passages: \(Double(passages) / normaliseSeconds) passages/s normalised"
        )
    }

    @Test(.enabled(if: folder != nil)) func measure() throws {
        let folder = URL(fileURLWithPath: Self.folder!)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        let inputs = try files.map { try JSONDecoder().decode(ExtractedText.self, from: Data(contentsOf: $0)) }
        let normaliser = try DocumentNormaliser()
        let start = Date()
        let documents = inputs.map(normaliser.run)
        let seconds = Date().timeIntervalSince(start)
        var checked = 0
        var correct = 0
        for (file, document) in zip(files, documents) {
            let expected: Language? =
                file.lastPathComponent.contains("_fi.")
                ? .finnish
                : file.lastPathComponent.contains("_sv.") ? .swedish : nil
            var dump = "language \(document.language.rawValue), \(document.passages.count) passages\n"
            for passage in document.passages {
                var mark = ""
                if let expected, passage.text.count >= 60 {
                    checked += 1
                    if passage.language == expected { correct += 1 } else { mark = " <<< WRONG" }
                }
                dump +=
                    "[p\(passage.page) #\(passage.index) \(passage.kind.rawValue) \(passage.language.rawValue)]\(mark) \(passage.text)\n"
            }
            try dump.write(
                to: file.deletingPathExtension().appendingPathExtension("passages.txt"), atomically: true,
                encoding: .utf8)
            print("\(file.lastPathComponent): \(document.language.rawValue), \(document.passages.count) passages")
        }
        var decisions = ""
        for input in inputs {
            for page in input.pages {
                for (line, next) in zip(page.lines, page.lines.dropFirst()) {
                    let left = UnicodeCleaner.clean(line.text)
                    let right = UnicodeCleaner.clean(next.text)
                    guard LineBreakHyphenResolver.endsWithBreakHyphen(left[...]), !right.isEmpty else { continue }
                    let word = left.split(separator: " ").last ?? ""
                    let decision = normaliser.hyphens.decide(left: left[...], right: right[...])
                    decisions += "\(decision.rawValue)\t\(word)\t\(right.prefix { $0 != " " })\n"
                }
            }
        }
        try decisions.write(
            to: folder.appendingPathComponent("hyphen-decisions.tsv"), atomically: true, encoding: .utf8)
        let pdfs = inputs.filter { $0.method == .textLayer }
        let rounds = 5
        let pdfStart = Date()
        var pdfPassages = 0
        for _ in 0..<rounds { for input in pdfs { pdfPassages += normaliser.run(input).passages.count } }
        let pdfSeconds = Date().timeIntervalSince(pdfStart) / Double(rounds)
        print("PDFs only: \(pdfs.count) documents, \(pdfPassages / rounds) passages in \(pdfSeconds) s per round")
        let total = documents.reduce(0) { $0 + $1.passages.count }
        print("language fi/sv on passages of 60+ chars: \(correct)/\(checked)")
        print(
            "normalised \(documents.count) documents, \(total) passages in \(seconds) s: \(Double(total) / seconds) passages/s"
        )
    }
}
