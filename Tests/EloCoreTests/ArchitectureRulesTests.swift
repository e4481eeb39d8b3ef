import Foundation
import Testing

/// The module boundaries docs/architecture.md promises, checked on the source tree: storage only in EloIndex,
/// YAML only in EloSettings, no fault injection in the shipped binary's sources.
@Suite struct ArchitectureRulesTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every Swift file under Sources with its module (the first folder) and text.
    static func files() throws -> [(module: String, path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var files: [(String, String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(sources.path.count + 1))
            let module = String(relative.prefix { $0 != "/" })
            files.append((module, relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    static func importers(of module: String) throws -> Set<String> {
        Set(
            try files().filter { $0.text.contains("\nimport \(module)\n") || $0.text.hasPrefix("import \(module)\n") }
                .map(\.module))
    }

    @Test func onlyTheIndexImportsGRDB() throws {
        #expect(try Self.importers(of: "GRDB") == ["EloIndex"])
    }

    @Test func onlyTheSettingsImportYams() throws {
        #expect(try Self.importers(of: "Yams") == ["EloSettings"])
    }

    @Test func noSQLOutsideTheIndex() throws {
        let statements = ["SELECT ", "INSERT INTO", "DELETE FROM", "CREATE TABLE", "UPDATE "]
        let offenders = try Self.files().filter { file in
            file.module != "EloIndex" && statements.contains { file.text.contains($0) }
        }.map(\.path)
        #expect(offenders.isEmpty, "SQL outside EloIndex: \(offenders)")
    }

    @Test func theShippedSourcesHoldNoFaultInjection() throws {
        let offenders = try Self.files().filter { $0.text.contains("ELO_WORKER_FAULTS") || $0.text.contains(".hang.") }
            .map(\.path)
        #expect(offenders.isEmpty, "fault hooks belong in Tests/EloFaultWorker: \(offenders)")
    }
}
