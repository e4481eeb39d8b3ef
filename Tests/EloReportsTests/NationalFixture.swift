import EloCore

@testable import EloReports

/// A full-size national report (15 regions × the 25 labels of taxonomy.md) with levels from a fixed
/// pseudo-random sequence: what the matrix must stay readable at, and what `make screenshots` shows.
enum NationalFixture {
    static let sets: [(String, [String])] = [
        ("okm2011", ["saatavuus", "urataidot", "osaaminen", "laatu", "koordinaatio"]),
        ("elo2020", ["saavutettavuus", "laatu", "digitaalisuus", "monialaisuus", "tietoperusta"]),
        ("ohjaamo", ["matala_kynnys", "monialaisuus", "yhteistyomalli", "nuoret", "verkko_ohjaus", "toteutus"]),
        ("tem2012", ["roolit", "verkosto", "osaaminen", "monikanavaisuus"]),
        ("raportti2014", ["kasite", "toimijat", "ryhma", "tavoitteet", "ohjaamo"]),
    ]

    static let regions = [
        "Uusimaa", "Varsinais-Suomi", "Satakunta", "Häme", "Pirkanmaa", "Kaakkois-Suomi", "Etelä-Savo", "Pohjois-Savo",
        "Pohjois-Karjala", "Keski-Suomi", "Etelä-Pohjanmaa", "Pohjanmaa / Österbotten", "Pohjois-Pohjanmaa", "Kainuu",
        "Lappi",
    ]

    static var labels: [CoverageLabel] {
        sets.flatMap { set, names in
            names.map {
                CoverageLabel(
                    id: "\(set).\($0)", set: set, title: "\(set) \($0.replacingOccurrences(of: "_", with: " "))")
            }
        }
    }

    static func report() -> CoverageReport {
        var seed: UInt32 = 2014
        func next() -> Double {
            seed = seed &* 1_103_515_245 &+ 12_345
            return Double((seed >> 8) % 1000) / 1000
        }
        let calculator = CoverageCalculator(labels: labels, thresholds: CoverageFixtures.scoreLevels)
        let coverage = regions.enumerated().map { number, name -> RegionCoverage in
            let id = ReportFileName.slug(name)
            if name == "Kainuu" {
                return calculator.run(
                    region: id, name: name,
                    documents: [
                        CoverageFixtures.document("\(id)/raportti.pdf", status: .needsOCR)
                    ])
            }
            var passages: [Passage] = []
            for label in labels {
                for index in 0..<3 {
                    let score = next()
                    guard score >= 0.15 else { continue }
                    passages.append(
                        CoverageFixtures.passage(
                            "Alueen \(label.title) etenee: ohjauksen verkosto kokoontuu ja kehittää palveluja yhdessä.",
                            page: 1 + passages.count / 4, index: passages.count % 4, label: label.id,
                            score: score, cue: "ohjauksen"))
                    _ = index
                }
            }
            return calculator.run(
                region: id, name: name,
                documents: [
                    CoverageFixtures.document("\(id)/toimintasuunnitelma-\(2014 - number % 2).pdf", passages: passages)
                ])
        }
        return CoverageReport(
            pipeline: "elo-2014", title: "ELO 2014 — alueellinen kattavuus / regional täckning", labels: labels,
            regions: coverage, generated: "2014-06-30")
    }
}
