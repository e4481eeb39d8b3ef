import EloCore
import EloExtraction
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// The real fi/sv PDFs of `../shared/testdata/pdf/real`, read through the project's extractor.
/// Skipped when the shared data is absent.
@Suite(.enabled(if: SharedTestData.root != nil, "needs ../shared/testdata"), .serialized)
struct RealDocumentTests {
    static func normalised(_ name: String) throws -> Document {
        let url = SharedTestData.root!.appendingPathComponent("pdf/real/\(name)")
        return try DocumentNormaliser().run(DocumentExtractor().run(url: url, password: nil))
    }

    static let pairs = ["2b_ehdot_ja_rajoitukset_yleisavustus", "jotpa_vakioehdot_2024-03-01", "va_yleisohje_2022-09"]

    /// Every passage of 60+ characters in the Finnish and Swedish versions gets its file's language.
    @Test(arguments: pairs)
    func finnishAndSwedishVersionsComeOutRight(_ pair: String) throws {
        for (suffix, language) in [("fi", Language.finnish), ("sv", .swedish)] {
            let document = try Self.normalised("\(pair)_\(suffix).pdf")
            let long = document.passages.filter { $0.text.count >= 60 }
            let wrong = long.filter { $0.language != language }
            #expect(long.count > 5)
            #expect(
                wrong.isEmpty,
                "\(pair)_\(suffix): \(long.count - wrong.count) of \(long.count) right; wrong: \(wrong.map(\.text))")
            #expect(document.language == language)
        }
    }

    /// The jotpa conditions carry a bilingual letterhead footer and page numbers on every page.
    @Test func jotpaRunningFootersAndPageNumbersAreGone() throws {
        let document = try Self.normalised("jotpa_vakioehdot_2024-03-01_fi.pdf")
        #expect(document.pages == 25)
        #expect(document.passages.count > 150)
        for marker in ["Hakaniemenranta", "Hagnäskajen", "SERVICECENTRET", "0295 331 000"] {
            #expect(!document.passages.contains { $0.text.contains(marker) }, "\(marker)")
        }
        let pageNumbers = document.passages.filter {
            RunningHeaderFilter.isPageNumber(RunningHeaderFilter.key($0.text))
        }
        #expect(pageNumbers.isEmpty, "\(pageNumbers.map(\.text))")
    }

    /// The 2018 Swedish guide has "å" followed by an extra combining ring in its text layer.
    @Test func swedishGuideHasNoStrayRings() throws {
        let document = try Self.normalised("va_yleisohje_2018-03_sv.pdf")
        #expect(document.passages.contains { $0.text.contains("på") })
        #expect(!document.passages.contains { $0.text.unicodeScalars.contains("\u{30A}") })
        #expect(document.language == .swedish)
    }
}
