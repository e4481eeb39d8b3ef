import Testing

@testable import EloCore

/// What a file name and a first page say about a version's place (`VersionOrder`).
@Suite("version order facts")
struct VersionOrderFactsTests {
    @Test(
        arguments: [
            ("pirkanmaa/pirkanmaa_toimintasuunnitelma_2014-v2.pdf", 2, nil),
            ("pirkanmaa/pirkanmaa_toimintasuunnitelma_2014.pdf", 0, nil),
            ("lappi/plan_2.pdf", 2, nil),
            ("lappi/plan versio 3.docx", 3, nil),
            ("lappi/plan (1).pdf", 1, nil),
            ("lappi/plan_päivitetty.pdf", 1, nil),
            ("uusimaa/handlingsplan uppdaterad.pdf", 1, nil),
            ("Kaakkois-Suomen ELO raportti 2014 (lopullinen).pdf", 1, nil),
            ("hame/hame_elo-strategia_2014-2020.pdf", 0, nil),
            ("lappi/plan_2015-03.pdf", 0, "2015-03"),
            ("lappi/plan_2015-03-12_v2.pdf", 2, "2015-03-12"),
            ("lappi/raportti_2014.txt", 0, nil),
        ] as [(String, Int, String?)])
    func theFileNameMarker(path: String, number: Int, date: String?) {
        let marker = FileNameMarker(path: path)
        #expect(marker.number == number)
        #expect(marker.date == date)
    }

    @Test(
        arguments: [
            ("Pirkanmaan toimintasuunnitelma 2014 27.11.2014", "2014-11-27"),
            ("Päivitetty ryhmän kokouksessa 5.3.2015.", "2015-03-05"),
            ("Hyväksytty 2014-09-30", "2014-09-30"),
            ("Toimintasuunnitelma 2014, päivitetty 11/2014", "2014-11"),
            ("Sivu 1/3, kaudelle 2014–2020", nil),
            ("Kausi 2014-2020", nil),
        ] as [(String, String?)])
    func theDateAPageStates(text: String, date: String?) {
        #expect(StatedDate.first(in: text) == date)
    }

    static func entry(_ path: String, round: String? = nil, stated: String? = nil, seen: Int64) -> VersionOrder.Entry {
        var facts = VersionOrder.Facts(path: path, round: round)
        facts.statedDate = stated
        return VersionOrder.Entry(facts: facts, firstSeen: seen, path: path)
    }

    @Test func roundThenNameThenStatedDateThenFirstSeen() {
        let sorted = VersionOrder.sorted([
            Self.entry("a/plan_v2.txt", round: "2014", seen: 1),
            Self.entry("a/plan.txt", round: "2015", seen: 2),
            Self.entry("a/plan (1).txt", round: "2015", stated: "2015-05-01", seen: 3),
            Self.entry("a/plan kopio.txt", round: "2015", stated: "2015-06-01", seen: 5),
            Self.entry("a/plan kopio2.txt", round: "2015", stated: "2015-06-01", seen: 4),
        ])
        #expect(
            sorted.map(\.entry.path) == [
                "a/plan_v2.txt", "a/plan.txt", "a/plan kopio2.txt", "a/plan kopio.txt", "a/plan (1).txt",
            ])
        #expect(
            sorted.map(\.reason) == [
                "oldest",
                "after v1: sidecar round 2015 > 2014",
                "after v2: seen later (no round, name marker or date tells them apart)",
                "after v3: seen later (no round, name marker or date tells them apart)",
                "after v4: version marker 1 in the file name",
            ])
    }

    @Test func aDateTheFirstPageStatesOrdersUnmarkedCopies() {
        let sorted = VersionOrder.sorted([
            Self.entry("a/plan.txt", stated: "2014-11-27", seen: 1),
            Self.entry("a/plan kopio.txt", stated: "2014-08-29", seen: 2),
        ])
        #expect(sorted.map(\.entry.path) == ["a/plan kopio.txt", "a/plan.txt"])
        #expect(sorted.last?.reason == "after v1: first page dated 2014-11-27 > 2014-08-29")
    }
}
