import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloNormalisation

/// One normaliser for the suite (its lexicons load slowly), used under a lock: it is not thread-safe.
final class SharedNormaliser: @unchecked Sendable {
    static let shared = SharedNormaliser()
    private let lock = NSLock()
    private let normaliser: DocumentNormaliser?

    private init() { normaliser = try? DocumentNormaliser() }

    func run(_ extracted: ExtractedText) throws -> Document {
        lock.lock()
        defer { lock.unlock() }
        guard let normaliser else { throw LexiconError(message: "Voikko is missing (make deps)") }
        return normaliser.run(extracted)
    }
}

/// A word split with a hyphen at a line end where the break also looks like a paragraph break — a gap, a
/// blank line, a short line, a capital, a page break — is resolved as it would be inside a paragraph: the
/// lexicons decide between `ohjaus-` ⏎ `palvelut` → `ohjauspalvelut` and `Keski-` ⏎ `Suomen` → `Keski-Suomen`.
/// Suspended hyphens, dash bullets and a dash set apart are left alone.
@Suite struct HyphenAtPassageBreakTests {
    typealias Row = NormalisationFixtures.Row

    /// How the break between the two lines looks.
    enum Layout: String, Sendable, CaseIterable {
        /// Plain text, a blank line between.
        case blankLine
        /// PDF, a vertical gap of a paragraph break.
        case gap
        /// PDF, the first line short, the next one capitalised or not.
        case shortLine
        /// The first line ends one page, the second starts the next.
        case pageBreak
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var left: String
        var right: String
        /// Text one passage must hold.
        var joined: String
        /// Text no passage may hold.
        var never: [String] = []
        var testDescription: String { "\(left) ⏎ \(right)" }
    }

    static let continued: [Case] = [
        // Finnish place names: the hyphen is real.
        Case(
            left: "Hankkeen toteuttavat yhdessä Keski-", right: "Suomen ELY-keskus ja kunnat.",
            joined: "Keski-Suomen ELY-keskus"),
        Case(
            left: "Ohjaamo toimii nyt myös Pohjois-", right: "Pohjanmaan alueella.",
            joined: "Pohjois-Pohjanmaan alueella"),
        Case(left: "Alueen koulutustarjonta on Etelä-", right: "Savossa laaja.", joined: "Etelä-Savossa laaja"),
        // Finnish layout hyphens the lexicon joins.
        Case(
            left: "Ryhmä kehittää alueen ohjaus-", right: "palveluja yhdessä kuntien kanssa.",
            joined: "ohjauspalveluja yhdessä",
            never: ["ohjaus-palveluja"]),
        Case(
            left: "Toimintasuunnitelma koskee osaamisen kehittä-", right: "mistä ja verkostoja.",
            joined: "osaamisen kehittämistä"),
        Case(left: "Tavoitteena on elinikäi-", right: "sen ohjauksen vahvistaminen.", joined: "elinikäisen ohjauksen"),
        // Finnish real hyphens the lexicon keeps.
        Case(left: "Asiakkaat ohjataan TE-", right: "toimistojen palveluihin.", joined: "TE-toimistojen palveluihin"),
        Case(left: "Kouluissa vahvistetaan opinto-", right: "ohjausta ja yhteistyötä.", joined: "opinto-ohjausta"),
        Case(
            left: "Rahoitus tulee vuosille 2014-", right: "2020 kohdennetuista varoista.", joined: "vuosille 2014-2020"),
        // Swedish.
        Case(
            left: "Gruppen utvecklar regionens väglednings-", right: "tjänster tillsammans med kommunerna.",
            joined: "regionens vägledningstjänster"),
        Case(left: "Ansvaret ligger hos NTM-", right: "centralen i regionen.", joined: "NTM-centralen i regionen"),
        Case(left: "Målet är att stärka utbild-", right: "ningen för unga vuxna.", joined: "stärka utbildningen"),
    ]

    static let leftAlone: [Case] = [
        // A suspended hyphen: `ja` goes on with the list, the hyphen stays.
        Case(
            left: "Mukana ovat kunnan nuoriso-", right: "ja sosiaalipalvelut sekä oppilaitokset.", joined: "nuoriso-",
            never: ["nuorisoja", "nuoriso-ja"]),
        Case(
            left: "Samarbetet omfattar social-", right: "och hälsovården i regionen.", joined: "social-",
            never: ["socialoch", "social-och"]),
        // A dash set apart from the word before it is no line-break hyphen.
        // A dash bullet starts an item of its own: the hyphen before it stays.
        Case(
            left: "Ryhmän tehtäviä ovat ohjaus-", right: "- palvelujen kehittäminen", joined: "ohjaus-",
            never: ["ohjauspalvelujen", "ohjaus-palvelujen", "ohjaus- palvelujen"]),
        Case(
            left: "Ryhmän tehtäviä ovat ohjaus-", right: "• palvelujen kehittäminen", joined: "ohjaus-",
            never: ["ohjauspalvelujen", "ohjaus-palvelujen", "ohjaus- palvelujen"]),
        Case(
            left: "Koulutus järjestetään kesä -", right: "Syksyllä alkaa uusi ryhmä.", joined: "kesä -",
            never: ["kesä -Syksyllä", "kesäSyksyllä"]),
    ]

    /// The two lines laid out as `layout`, each after a line of its own passage.
    static func pages(_ example: Case, _ layout: Layout) -> [PageText] {
        let opening = "Alueellinen ELO-ryhmä on laatinut suunnitelman vuodelle 2014."
        let closing = "Seuraava kappale kertoo verkoston toiminnasta vuoden aikana."
        switch layout {
        case .blankLine:
            return [
                NormalisationFixtures.plainPage(1, "\(opening)\n\n\(example.left)\n\n\(example.right)\n\n\(closing)\n")
            ]
        case .gap:
            return [
                NormalisationFixtures.pdfPage(
                    1,
                    [
                        Row(opening, y: 100, width: 300), Row(example.left, y: 130), Row(example.right, y: 160),
                        Row(closing, y: 190),
                    ])
            ]
        case .shortLine:
            return [
                NormalisationFixtures.pdfPage(
                    1,
                    [
                        Row(opening, y: 100, width: 300), Row(example.left, y: 130, width: 200),
                        Row(example.right, y: 144),
                        Row(closing, y: 174),
                    ])
            ]
        case .pageBreak:
            return [
                NormalisationFixtures.pdfPage(1, [Row(opening, y: 100, width: 300), Row(example.left, y: 770)]),
                NormalisationFixtures.pdfPage(2, [Row(example.right, y: 100), Row(closing, y: 130)]),
            ]
        }
    }

    static func passages(_ example: Case, _ layout: Layout) throws -> [String] {
        let method: ExtractionMethod = layout == .blankLine ? .plainText : .textLayer
        return try SharedNormaliser.shared.run(NormalisationFixtures.extracted(pages(example, layout), method: method))
            .passages.map(\.text)
    }

    @Test(arguments: continued + leftAlone, Layout.allCases)
    func wordBrokenAtAPassageLikeBreakIsResolvedByTheLexicon(_ example: Case, _ layout: Layout) throws {
        let texts = try Self.passages(example, layout)
        #expect(texts.contains { $0.contains(example.joined) }, "\(texts)")
        for text in example.never { #expect(!texts.contains { $0.contains(text) }, "\(texts)") }
    }

    @Test(arguments: [
        ("Keski-", "Suomen", true), ("ohjaus-", "palvelut", true), ("2014-", "2020", true), ("ELY-", "keskus", true),
        ("nuoriso-", "ja sosiaalityö", false), ("social-", "och hälsovården", false), ("kesä -", "syksy", false),
        ("ohjaus", "palvelut", false), ("ohjaus-", "(palvelut)", false), ("ohjaus–", "palvelut", false),
        ("koulutus-", "2020", false),
    ])
    func knowsWhenTheNextLineGoesOnWithTheWord(_ example: (String, String, Bool)) {
        #expect(LineBreakHyphenResolver.continuesBrokenWord(example.0, example.1) == example.2)
    }
}
