import EloPipeline
import EloSettings
import EloTestSupport
import Foundation
import Testing

/// A region sidecar (`FILE.meta.yaml`) is checked even when the folder gives the region: a conflict, an unknown
/// region or key, and YAML that cannot be read are `bad-sidecar`, with `file:line: what is wrong` in plain words.
struct SidecarCheckTests {
    static func scan(_ sidecar: String, at path: String = "lappi/plan.txt") throws -> (
        TemporaryFolder, InboxScanner.Result
    ) {
        let folder = try TemporaryFolder(prefix: "elo-sidecar")
        try folder.write(Data("Lapin suunnitelma.\n".utf8), to: path)
        try folder.write(Data(sidecar.utf8), to: path + ".meta.yaml")
        let result = try InboxScanner(inbox: folder.url, regionIDs: ["lappi", "uusimaa"]).scan()
        return (folder, result)
    }

    @Test func aRegionThatConflictsWithTheFolderIsABadSidecarAndTheFolderCounts() throws {
        let (folder, result) = try Self.scan("round: 2014\nregion: uusimaa\n")
        let (path, reason) = try #require(result.badSidecars.first)
        #expect(path == "lappi/plan.txt.meta.yaml")
        #expect(
            reason.hasPrefix(
                folder.url.path + "/lappi/plan.txt.meta.yaml:2: `region: uusimaa` conflicts with the folder lappi/"),
            "\(reason)")
        let file = try #require(result.files.first)
        #expect(file.folderRegion == "lappi" && file.sidecar?.region == nil && file.sidecar?.round == "2014")
        // The same region as the folder, and `year` for `round`, are fine.
        let (_, agreeing) = try Self.scan("region: lappi\nyear: 2014\ntype: plan\npassword: x\n")
        #expect(agreeing.badSidecars.isEmpty && agreeing.files.first?.sidecar?.region == "lappi")
    }

    @Test(arguments: [
        ("region: lapland\n", ":1: `region: lapland` is not a region id — use one of lappi, uusimaa"),
        ("region: lappi\nregoin: lappi\n", ":2: unknown key `regoin`"),
        ("region: lappi\nround 2014\ntype: plan\n", ":3: malformed YAML: a key is missing its `:`"),
        ("region: lappi\ntype: \"plan\n", ":3: malformed YAML: a quote is not closed"),
    ])
    func mistakesAreNamedByFileAndLineInPlainWords(sidecar: String, expected: String) throws {
        let (_, result) = try Self.scan(sidecar)
        let reason = try #require(result.badSidecars.first?.1)
        #expect(reason.contains("plan.txt.meta.yaml" + expected), "\(reason)")
        for internals in ["scanner", "parser", "while scanning", "^", "\n"] {
            #expect(!reason.contains(internals), "parser internals in: \(reason)")
        }
    }
}
