import EloCore
import Foundation
import Yams

/// One of the ELY regions, as `pipelines/regions/<id>.yaml` describes it.
public struct Region: Sendable, Hashable, Codable {
    public var id: String
    public var nameFinnish: String
    public var nameSwedish: String
    public var eloGroups: [String] = []
    /// Other names the region goes by in documents (older names, inflected forms Voikko does not know).
    public var aliases: [String] = []
    /// The region's language for reports (`language: sv` in its file); `nil` lets its documents decide.
    public var language: Language?

    /// Every name the region may be mentioned by.
    public var names: [String] { [nameFinnish, nameSwedish] + aliases }
}

/// The regions a run knows, loaded from a folder of YAML files (one region per file).
public struct RegionCatalog: Sendable {
    public var regions: [Region]
    /// The region id used when no region could be found.
    public static let unassigned = "unassigned"

    public init(regions: [Region]) { self.regions = regions }

    public func region(id: String) -> Region? { regions.first { $0.id == id } }

    /// Loads every `*.yaml` in `folder`. A missing folder gives an empty catalog (every region then comes from
    /// folders and sidecars only); a bad file is an error naming the file and line.
    public static func load(folder: URL) throws(ConfigurationError) -> RegionCatalog {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var regions: [Region] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = folder.appendingPathComponent(name)
            let file = url.path
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .init(file: file, line: nil, message: "cannot read the region file")
            }
            let node: Node?
            do { node = try Yams.compose(yaml: text) } catch {
                throw YAMLReader.describe(error, file: file)
            }
            guard let mapping = node?.mapping else {
                throw .init(file: file, line: 1, message: "expected keys id, name_fi, name_sv, elo_groups, aliases")
            }
            func string(_ key: String) throws(ConfigurationError) -> String {
                guard let value = mapping[key]?.string, !value.isEmpty else {
                    throw .init(file: file, line: mapping[key]?.mark?.line ?? 1, message: "missing `\(key)`")
                }
                return value
            }
            func list(_ key: String) -> [String] {
                mapping[key]?.sequence?.compactMap(\.string) ?? mapping[key]?.string.map { [$0] } ?? []
            }
            let id = try string("id")
            let expected = (name as NSString).deletingPathExtension
            guard id == expected else {
                throw .init(
                    file: file, line: mapping["id"]?.mark?.line,
                    message: "`id: \(id)` does not match the file name — name the file \(id).yaml")
            }
            var language: Language?
            if let code = mapping["language"]?.string {
                guard let known = Language(rawValue: code), known == .finnish || known == .swedish else {
                    throw .init(
                        file: file, line: mapping["language"]?.mark?.line, message: "`language: \(code)` — use fi or sv"
                    )
                }
                language = known
            }
            regions.append(
                Region(
                    id: id, nameFinnish: try string("name_fi"), nameSwedish: try string("name_sv"),
                    eloGroups: list("elo_groups"), aliases: list("aliases"), language: language))
        }
        return RegionCatalog(regions: regions)
    }
}
