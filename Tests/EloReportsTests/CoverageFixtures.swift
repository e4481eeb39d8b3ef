import EloCore
import Foundation

@testable import EloReports

/// Small, hand-made documents and reports the report tests share. Texts are written for the tests.
enum CoverageFixtures {
    static let labels = [
        CoverageLabel(
            id: "okm2011.saatavuus", set: "okm2011", title: "Ohjauspalveluja on tasapuolisesti saatavissa",
            titleSwedish: "Vägledningstjänster finns jämlikt tillgängliga"),
        CoverageLabel(
            id: "okm2011.laatu", set: "okm2011", title: "Ohjauksen laatujärjestelmiä kehitetään",
            titleSwedish: "Kvalitetssystemen för vägledning utvecklas"),
        CoverageLabel(
            id: "ohjaamo.toteutus", set: "ohjaamo", title: "Ohjaamon toteutus alueella",
            titleSwedish: "Navigatorn i regionen"),
    ]

    /// Levels by score alone: the fixtures' passages are one short sentence each, written to stand for
    /// substantive passages (the word floor of `CoverageThresholds.substantiveWords` is tested on its own).
    static let scoreLevels = CoverageThresholds(covered: .init(passages: 1, score: 0.6), substantiveWords: 0)

    /// A passage whose label scores `score`, with `cue` matched wherever it occurs in `text`.
    static func passage(_ text: String, page: Int = 1, index: Int = 0, label: String, score: Double, cue: String)
        -> Passage
    {
        var evidence: [PassageLabel.Evidence] = []
        let characters = Array(text)
        let needle = Array(cue)
        if !needle.isEmpty && characters.count >= needle.count {
            for start in 0...(characters.count - needle.count)
            where Array(characters[start..<start + needle.count]) == needle {
                evidence.append(.init(cue: cue, text: cue, start: start, end: start + needle.count))
            }
        }
        return Passage(
            page: page, index: index, kind: .paragraph, language: .finnish, text: text,
            labels: [PassageLabel(id: label, score: score, evidence: evidence)])
    }

    static func document(
        _ path: String, status: ExtractionStatus = .ok, passages: [Passage] = [],
        diagnostics: [Diagnostic] = []
    ) -> Document {
        Document(
            path: path, sha256: "00", pages: passages.map(\.page).max() ?? 1, language: .finnish, status: status,
            method: .textLayer, diagnostics: diagnostics, passages: passages)
    }

    static let hostile =
        "Ohjaamo <script>alert(1)</script> toimii \"><img src=x onerror=alert(1)> Rovaniemellä & Kemissä."

    /// Three regions: one well covered, one with gaps and hostile text, one whose only document is encrypted.
    static func report() -> CoverageReport {
        let calculator = CoverageCalculator(labels: labels, thresholds: scoreLevels)
        let lappi = calculator.run(
            region: "lappi", name: "Lappi / Lappland",
            documents: [
                document(
                    "lappi/toimintasuunnitelma.pdf",
                    passages: [
                        passage(
                            "Ohjauspalvelujen saatavuus paranee koko maakunnassa etäohjauksen avulla.", page: 2,
                            label: "okm2011.saatavuus", score: 0.82, cue: "saatavuus"),
                        passage(
                            "Palvelujen saatavuus harvaan asutuilla alueilla turvataan.", page: 3, index: 1,
                            label: "okm2011.saatavuus", score: 0.71, cue: "saatavuus"),
                        passage(
                            "Laatua arvioidaan asiakaspalautteella.", page: 4, label: "okm2011.laatu", score: 0.55,
                            cue: "Laatua"),
                        passage(hostile, page: 5, label: "ohjaamo.toteutus", score: 0.9, cue: "Ohjaamo"),
                        passage(
                            "Ohjaamo Kemi aloitti syksyllä.", page: 6, label: "ohjaamo.toteutus", score: 0.65,
                            cue: "Ohjaamo"),
                    ])
            ],
            previousVersions: [
                document(
                    "lappi/suunnitelma-2013.pdf",
                    passages: [
                        passage(
                            "Laadun kehittäminen on painopiste.", label: "okm2011.laatu", score: 0.7, cue: "Laadun"),
                        passage(
                            "Laatukriteerit otetaan käyttöön.", index: 1, label: "okm2011.laatu", score: 0.66,
                            cue: "Laatukriteerit"),
                    ])
            ])
        let savo = calculator.run(
            region: "../../etc/passwd", name: "Pohjois-Savo <b>\"bold\"</b>",
            documents: [
                document(
                    "savo/raportti.txt",
                    passages: [
                        passage(
                            "Ohjausta on saatavilla TE-toimistossa.", label: "okm2011.saatavuus", score: 0.3,
                            cue: "saatavilla"),
                        passage(
                            "=HYPERLINK(\"http://x\") laatu, mainittu ohimennen", index: 1, label: "okm2011.laatu",
                            score: 0.45, cue: "laatu"),
                    ]),
                document(
                    "savo/liite.pdf", status: .needsOCR,
                    diagnostics: [
                        Diagnostic(id: "extraction.no-text-layer", severity: .error, message: "no text layer: run OCR")
                    ]),
            ])
        let aland = calculator.run(
            region: "österbotten", name: "Österbotten",
            documents: [
                document(
                    "österbotten/plan.pdf", status: .needsPassword,
                    diagnostics: [
                        Diagnostic(
                            id: "extraction.encrypted", severity: .error, message: "encrypted PDF, no password given")
                    ])
            ],
            language: .swedish)
        let current = CoverageReport(
            pipeline: "elo-2014", title: "ELO 2014 <reports>", labels: labels, regions: [lappi, savo, aland],
            generated: "2014-06-30")
        var previous = current
        previous.regions[0].labels[2].level = .weak
        return CoverageHistory.addingChanges(to: current, since: previous)
    }
}
