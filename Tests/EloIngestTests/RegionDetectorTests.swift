import EloCore
import EloExtraction
import Foundation
import Testing

@testable import EloPipeline
@testable import EloSettings

@Suite("Region detection")
struct RegionDetectorTests {
    static let catalog = RegionCatalog(regions: [
        Region(id: "lappi", nameFinnish: "Lappi", nameSwedish: "Lappland"),
        Region(id: "uusimaa", nameFinnish: "Uusimaa", nameSwedish: "Nyland", aliases: ["Uudenmaan"]),
        Region(id: "varsinais-suomi", nameFinnish: "Varsinais-Suomi", nameSwedish: "Egentliga Finland"),
        Region(id: "etela-pohjanmaa", nameFinnish: "Etelä-Pohjanmaa", nameSwedish: "Södra Österbotten"),
        Region(id: "kainuu", nameFinnish: "Kainuu", nameSwedish: "Kajanaland"),
    ])

    static func passages(_ text: String) -> [Passage] {
        [Passage(page: 1, index: 0, kind: .paragraph, language: .unknown, text: text)]
    }

    @Test(arguments: [
        ("Varsinais-Suomen ELO-ryhmän toimintasuunnitelma", "varsinais-suomi"),
        ("Kainuussa ohjaus on kehittynyt", "kainuu"),
        ("Uudenmaan ELY-keskus", "uusimaa"),
        ("Handlingsplan för Nyland 2014", "uusimaa"),
        ("Egentliga Finlands livslånga vägledning", "varsinais-suomi"),
        ("Södra Österbottens ELO-grupp", "etela-pohjanmaa"),
        ("Etelä-Pohjanmaalla ohjaus", "etela-pohjanmaa"),
        ("Lappland och Lappi", "lappi"),
    ])
    func findsInflectedNames(text: String, region: String) {
        #expect(RegionDetector(catalog: Self.catalog).detect(in: Self.passages(text)) == region)
    }

    @Test func lexiconBaseFormsCatchConsonantGradation() {
        let detector = RegionDetector(catalog: Self.catalog, baseForm: { $0 == "lapin" ? "lappi" : nil })
        #expect(detector.detect(in: Self.passages("Lapin ELO-ryhmä")) == "lappi")
    }

    @Test(arguments: [
        "Lappeenrannan kaupunki", "Ohjaus ja neuvonta", "Suomen hallitus", "Lapin ja Uudenmaan yhteistyö",
    ])
    func noRegionWhenAbsentOrSplit(text: String) {
        let detector = RegionDetector(catalog: Self.catalog, baseForm: { $0 == "lapin" ? "lappi" : nil })
        #expect(detector.detect(in: Self.passages(text)) == nil)
    }

    @Test func versionKeyIgnoresVersionMarkers() {
        func key(_ path: String) -> String {
            InboxFile(
                url: URL(fileURLWithPath: "/x"), relativePath: path, bytes: 0, mtimeNanoseconds: 0,
                folderRegion: "lappi"
            ).versionKey
        }
        #expect(key("lappi/plan_v2.pdf") == key("lappi/plan.pdf"))
        #expect(key("lappi/plan (1).pdf") == key("lappi/plan.pdf"))
        #expect(key("lappi/plan-korjattu.pdf") == key("lappi/plan.pdf"))
        #expect(key("lappi/raportti.pdf") != key("lappi/plan.pdf"))
    }

    @Test func contentHashIsSHA256() {
        #expect(
            ContentDigest.sha256(of: Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentDigest.sha256(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = Data(repeating: 0x61, count: 1_000_000)
        #expect(ContentDigest.sha256(of: long) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
