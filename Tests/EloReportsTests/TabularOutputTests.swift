import EloCore
import EloReports
import EloSettings
import Foundation
import Testing

@Suite struct TabularOutputTests {
    @Test func csvIsInTheFinnishConventionByDefault() throws {
        let data = NationalCSVRenderer(report: CoverageFixtures.report()).render()
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "alue;nimi;okm2011.saatavuus;okm2011.laatu;ohjaamo.toteutus")
        #expect(lines[1] == "lappi;Lappi / Lappland;Katettu;Heikosti katettu;Katettu")
        #expect(lines[3] == "österbotten;Österbotten;Ei arvioitu;Ei arvioitu;Ei arvioitu", "å/ä/ö kept as UTF-8")
        let swedish = NationalCSVRenderer(report: CoverageFixtures.report(), language: .swedish).render()
        #expect(String(decoding: swedish.dropFirst(3), as: UTF8.self).hasPrefix("region;namn;"))
    }

    @Test func rfc4180CsvHasCommasCodesAndNoBOM() throws {
        let data = NationalCSVRenderer(report: CoverageFixtures.report(), dialect: .rfc4180).render()
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(!text.hasPrefix("\u{FEFF}"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "region,name,okm2011.saatavuus,okm2011.laatu,ohjaamo.toteutus")
        #expect(lines[1] == "lappi,Lappi / Lappland,covered,weak,covered")
        #expect(
            lines[2] == "../../etc/passwd,\"Pohjois-Savo <b>\"\"bold\"\"</b>\",not-covered,not-covered,not-covered",
            "readable document, nothing found: a gap")
    }

    @Test func gapsCsvScoresHaveTheDialectsDecimalMark() throws {
        let gaps = GapQuery().run(CoverageFixtures.report())
        let finnish = String(decoding: GapQuery.csv(gaps).dropFirst(3), as: UTF8.self)
        #expect(finnish.hasPrefix("region;set;label;level;") && finnish.contains(";0,45;"))
        let plain = String(decoding: GapQuery.csv(gaps, dialect: .rfc4180), as: UTF8.self)
        #expect(plain.hasPrefix("region,set,label,level,") && plain.contains(",0.45,"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2", "'-2"),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("Österbotten", "Österbotten"),
    ])
    func csvFieldsAreQuotedAndDefused(value: String, expected: String) {
        #expect(CSVText.field(value) == expected)
    }

    @Test func gapsJSONHasTheContractedKeys() throws {
        let gaps = GapQuery().run(CoverageFixtures.report())
        let objects = try #require(try JSONSerialization.jsonObject(with: ReportJSON.encode(gaps)) as? [[String: Any]])
        #expect(!objects.isEmpty)
        for object in objects {
            // the contracted keys, extended only by the optional trust signals
            #expect(
                Set(object.keys).subtracting(["incomplete_documents"]) == [
                    "region", "set", "label", "level", "evidence", "near_misses",
                ])
            for quote in (object["evidence"] as? [[String: Any]] ?? [])
                + (object["near_misses"] as? [[String: Any]] ?? [])
            {
                #expect(Set(quote.keys).subtracting(["reason"]) == ["document", "page", "quote", "score"])
            }
        }
    }

    @Test func gapsFilterByRegionLabelSetAndLevel() throws {
        let report = CoverageFixtures.report()
        let all = GapQuery().run(report)
        #expect(all.allSatisfy { $0.level.isGap })
        #expect(!all.contains { $0.region == "österbotten" }, "not-assessed regions are never gaps by default")
        #expect(GapQuery(regions: ["lappi"]).run(report).map(\.label) == ["okm2011.laatu"])
        #expect(
            GapQuery(labels: ["okm2011"], levels: [.notCovered]).run(report).map(\.label) == [
                "okm2011.saatavuus", "okm2011.laatu",
            ])
        #expect(GapQuery(levels: [.notAssessed]).run(report).count == 3)
        let near = try #require(
            GapQuery(regions: ["../../etc/passwd"], labels: ["okm2011.saatavuus"]).run(report).first)
        #expect(near.evidence.isEmpty && near.nearMisses.first?.quote == "Ohjausta on saatavilla TE-toimistossa.")
    }

    @Test func levelListsParseAndBadWordsAreNamed() throws {
        #expect(try GapQuery.levels(from: "not-covered, weak") == [.notCovered, .weak])
        #expect(throws: ReportError.self) { try GapQuery.levels(from: "missing") }
        do { _ = try GapQuery.levels(from: "weak,gap") } catch let error as ReportError {
            #expect(error.kind == .badQuery)
            #expect(error.description.contains("'gap'") && error.description.contains("not-assessed"))
        }
    }

    @Test func thresholdsDecodeWithDefaultsAndReportProblems() throws {
        let json = Data(#"{"covered": {"passages": 3, "score": 0.7}, "near_miss_score": 0.1}"#.utf8)
        let thresholds = try JSONDecoder().decode(CoverageThresholds.self, from: json)
        #expect(thresholds.covered == .init(passages: 3, score: 0.7))
        #expect(thresholds.weak == CoverageThresholds.defaults.weak)
        #expect(thresholds.nearMissScore == 0.1)
        #expect(thresholds.problems.isEmpty)
        let bad = CoverageThresholds(covered: .init(passages: 0, score: 0.3), weak: .init(passages: 1, score: 0.5))
        #expect(bad.problems.count == 2)
    }
}
