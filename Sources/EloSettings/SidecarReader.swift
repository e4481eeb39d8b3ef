import EloCore
import Foundation
import Yams

/// Reads and checks a region sidecar `FILE.meta.yaml` (`region`, `round` or `year`, `type`, `password`) — also
/// when the file's folder already gives its region, so a mistake in it is found the night it arrives, not when
/// the file is moved. What is wrong comes back as a `file:line: what is wrong — what to do` problem, which the
/// run lists as `bad-sidecar`:
/// - YAML that cannot be read, or not a mapping (the file is read without the sidecar);
/// - an unknown key (a typo such as `regoin:` would silently lose the region);
/// - a `region:` that is not a region id, or that names another region than the folder (a conflict: the folder
///   wins, as it always has, and the sidecar's other keys still count).
public struct SidecarReader {
    public static let keys = ["region", "round", "year", "type", "password"]

    /// The region ids of the catalog; empty: any region is accepted.
    public var regionIDs: Set<String>

    public init(regionIDs: Set<String>) { self.regionIDs = regionIDs }

    /// What was read (nil when nothing usable was) and what is wrong with it (nil when nothing is).
    public struct Checked: Sendable {
        public var sidecar: Sidecar?
        public var problem: ConfigurationError?
    }

    public func read(_ url: URL, folderRegion: String?) -> Checked {
        let file = url.path
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return Checked(problem: ConfigurationError(file: file, line: nil, message: YAMLMessage.notUTF8))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return Checked(problem: YAMLReader.describe(error, file: file))
        }
        guard let mapping = root?.mapping else {
            return Checked(
                problem: ConfigurationError(
                    file: file, line: 1,
                    message: "expected `key: value` lines with the keys region, round, type, password"))
        }
        for (key, _) in mapping {
            guard let name = key.string, Self.keys.contains(name) else {
                return Checked(
                    problem: ConfigurationError(
                        file: file, line: key.mark?.line,
                        message:
                            "unknown key `\(key.string ?? "?")` — the keys are region, round (or year), type and password"
                    ))
            }
        }
        var sidecar = Sidecar(
            region: mapping["region"]?.string, round: mapping["round"]?.string ?? mapping["year"]?.string,
            type: mapping["type"]?.string, password: mapping["password"]?.string)
        guard let declared = sidecar.region else { return Checked(sidecar: sidecar) }
        let line = mapping["region"]?.mark?.line
        // A region that cannot count is dropped; the sidecar's other keys still do.
        func refused(_ message: String) -> Checked {
            sidecar.region = nil
            return Checked(sidecar: sidecar, problem: ConfigurationError(file: file, line: line, message: message))
        }
        if !regionIDs.isEmpty, !regionIDs.contains(declared) {
            return refused(
                "`region: \(declared)` is not a region id — use one of \(regionIDs.sorted().joined(separator: ", "))")
        }
        if let folderRegion, folderRegion != declared {
            return refused(
                "`region: \(declared)` conflicts with the folder \(folderRegion)/ the file is in (the folder counts) — "
                    + "move the file to \(declared)/, or correct or remove `region:`")
        }
        return Checked(sidecar: sidecar)
    }
}

extension Sidecar {
    /// The `password:` of the sidecar `FILE.meta.yaml` beside `document`, if there is a readable one.
    public static func password(besides document: URL) -> String? {
        let url = document.appendingPathExtension("meta.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return SidecarReader(regionIDs: []).read(url, folderRegion: nil).sidecar?.password
    }
}
