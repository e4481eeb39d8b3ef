import Foundation
import Testing

@testable import EloNormalisation

/// One resolver for the whole suite (loading the Swedish dictionary takes a while), used under a lock
/// because the resolver, like the lexicons inside it, is not thread-safe.
final class SharedHyphenResolver: @unchecked Sendable {
    static let shared = SharedHyphenResolver()
    private let lock = NSLock()
    private let resolver: LineBreakHyphenResolver?

    private init() {
        resolver = try? LineBreakHyphenResolver(finnish: FinnishLexicon(), swedish: SwedishLexicon())
    }

    func with<T>(_ body: (LineBreakHyphenResolver) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let resolver else {
            throw LexiconError(message: "Voikko or the Swedish Hunspell dictionary is missing (make deps)")
        }
        return try body(resolver)
    }
}

/// Line-end hyphens, decided with Voikko (Finnish) and Hunspell (Swedish).
@Suite struct LineBreakHyphenTests {
    static let cases: [(left: String, right: String, expected: String)] = [
        // Finnish: layout hyphens that go.
        ("ohjaus-", "palvelut", "ohjauspalvelut"),
        ("kehittä-", "minen", "kehittäminen"),
        ("myönnetyn valtion-", "avustuksen", "myönnetyn valtionavustuksen"),
        ("elinikäi-", "sen ohjauksen", "elinikäisen ohjauksen"),
        ("alueellisen yhteistyö-", "ryhmän", "alueellisen yhteistyöryhmän"),
        ("koulu-", "tuksen järjestäjä", "koulutuksen järjestäjä"),
        ("työlli-", "syyden edistäminen", "työllisyyden edistäminen"),
        ("vähäarvoiset hankin-", "nat.", "vähäarvoiset hankinnat."),
        ("hyväksyttäviä kustan-", "nuksia, kuten", "hyväksyttäviä kustannuksia, kuten"),
        ("ohjaus-", "osaamista", "ohjausosaamista"),
        ("työ- ja elinkeino-", "toimistot", "työ- ja elinkeinotoimistot"),
        ("(valtionavustus-", "päätös)", "(valtionavustuspäätös)"),
        // Finnish: real hyphens that stay.
        ("opinto-", "ohjaus", "opinto-ohjaus"),
        ("maa-", "alueen", "maa-alueen"),
        ("korkea-", "asteen", "korkea-asteen"),
        ("tasa-", "arvon", "tasa-arvon"),
        ("TE-", "toimisto", "TE-toimisto"),
        ("ELY-", "keskus", "ELY-keskus"),
        ("EU-", "rahoitus", "EU-rahoitus"),
        ("ESR-", "hanke", "ESR-hanke"),
        ("KELA-", "korvaus", "KELA-korvaus"),
        ("Etelä-", "Savo", "Etelä-Savo"),
        ("vuosille 2014-", "2020", "vuosille 2014-2020"),
        // Finnish: suspended hyphens.
        ("nuoriso-", "ja sosiaalityö", "nuoriso- ja sosiaalityö"),
        ("sosiaali-", "tai terveyspalvelut", "sosiaali- tai terveyspalvelut"),
        ("neuvonta-", "sekä ohjauspalvelut", "neuvonta- sekä ohjauspalvelut"),
        // Swedish: layout hyphens that go.
        ("väglednings-", "tjänster", "vägledningstjänster"),
        ("utbild-", "ningen", "utbildningen"),
        ("beviljade stats-", "understödet", "beviljade statsunderstödet"),
        ("ansök-", "ningar", "ansökningar"),
        ("kostna-", "derna.", "kostnaderna."),
        ("myndig-", "heten", "myndigheten"),
        ("sam-", "arbete", "samarbete"),
        // Swedish: real and suspended hyphens that stay.
        ("social-", "och hälsovården", "social- och hälsovården"),
        ("utbildnings-", "eller arbetsmarknadsåtgärder", "utbildnings- eller arbetsmarknadsåtgärder"),
        ("EU-", "medel", "EU-medel"),
        ("NTM-", "centralen", "NTM-centralen"),
        ("FO-", "nummer", "FO-nummer"),
        ("e-", "post", "e-post"),
        ("e-", "mail", "e-mail"),
        ("x-", "akselin", "x-akselin"),
        ("Virta-", "informationsresurserna", "Virta-informationsresurserna"),
        // Other hyphens: a soft one is always a layout break, a non-breaking one is decided as `-` is, and an
        // en dash between numbers stays glued.
        ("ohjaus\u{AD}", "palvelut", "ohjauspalvelut"),
        ("Keski\u{AD}", "suomalainen", "Keskisuomalainen"),
        ("opinto\u{2011}", "ohjaus", "opinto\u{2011}ohjaus"),
        ("kehittä\u{2011}", "minen", "kehittäminen"),
        ("vuosille 2014\u{2013}", "2020", "vuosille 2014\u{2013}2020"),
        ("kesällä \u{2013}", "2020", "kesällä \u{2013} 2020"),
        // Addresses keep their hyphens.
        ("Opintopolku.fi-", "palvelussa.", "Opintopolku.fi-palvelussa."),
        ("https://example.fi/ohjaus-", "palvelut", "https://example.fi/ohjaus-palvelut"),
    ]

    @Test(arguments: cases)
    func resolvesLineEndHyphen(_ example: (left: String, right: String, expected: String)) throws {
        let joined = try SharedHyphenResolver.shared.with { $0.join(example.left, example.right) }
        #expect(joined == example.expected)
    }

    @Test func documentEvidenceDecidesWhenLexiconsCannot() throws {
        // Neither lexicon knows the made-up name: the document's own spelling decides.
        try SharedHyphenResolver.shared.with { resolver in
            #expect(resolver.join("Zorblax-", "mallin", documentWords: { ["zorblaxmallin"] }) == "Zorblaxmallin")
            #expect(resolver.join("Zorblax-", "mallin", documentWords: { ["zorblax-mallin"] }) == "Zorblax-mallin")
            // Without evidence, an unknown name keeps its hyphen, an unknown lower-case word is joined.
            #expect(resolver.decide(left: "Zorblax-", right: "mallin") == .keepHyphen)
            #expect(resolver.decide(left: "zorblax-", right: "mallin") == .join)
            // One letter before the hyphen is a prefix, never a syllable left at a line end.
            #expect(resolver.decide(left: "q-", right: "zorblaxin") == .keepHyphen)
        }
    }

    @Test(arguments: [
        ("ohjaus-", true), ("ohjaus\u{AD}", true), ("opinto\u{2011}", true), ("2020 -", false), ("2014\u{2013}", false),
        ("–", false), ("ELY-", true), ("sana", false),
    ])
    func recognisesBreakHyphens(_ example: (String, Bool)) {
        #expect(LineBreakHyphenResolver.endsWithBreakHyphen(example.0[...]) == example.1)
    }

    @Test func enDashUsedAsHyphenStaysGlued() throws {
        #expect(
            try SharedHyphenResolver.shared.with { $0.join("vastuu on ELY–", "keskuksilla") }
                == "vastuu on ELY–keskuksilla")
        #expect(try SharedHyphenResolver.shared.with { $0.join("kesä –", "syksy") } == "kesä – syksy")
    }

    @Test func linesWithoutHyphenJoinWithSpace() throws {
        #expect(try SharedHyphenResolver.shared.with { $0.join("Ohjaus on", "tärkeää.") } == "Ohjaus on tärkeää.")
    }
}
