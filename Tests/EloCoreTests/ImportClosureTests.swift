import Foundation
import Testing

/// Every `import` of one of the package's own modules names a module the importing target depends on, directly
/// or through its dependencies (Package.swift). An import outside that closure still builds when SwiftPM happens to
/// build the imported module first, and fails on a fresh clone when it does not: this finds it on any build.
@Suite struct ImportClosureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Target name → the package's own targets it names under `dependencies:` (products of other packages left out).
    static func dependencies(_ manifest: String) -> [String: Set<String>] {
        let declarations = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var starts: [String.Index] = []
        for declaration in declarations {
            var from = manifest.startIndex
            while let found = manifest.range(of: declaration, range: from..<manifest.endIndex) {
                starts.append(found.lowerBound)
                from = found.upperBound
            }
        }
        starts.sort()
        var targets: [String: Set<String>] = [:]
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : manifest.endIndex
            let chunk = manifest[start..<end]
            guard let name = quoted(after: "name: \"", in: chunk) else { continue }
            targets[name] = Set(dependencyNames(in: chunk))
        }
        let own = Set(targets.keys)
        return targets.mapValues { $0.intersection(own) }
    }

    /// The first string after `marker` in `text`.
    static func quoted(after marker: String, in text: Substring) -> String? {
        guard let found = text.range(of: marker) else { return nil }
        let rest = text[found.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The quoted names inside the `dependencies: [ … ]` list of one declaration.
    static func dependencyNames(in chunk: Substring) -> [String] {
        guard let open = chunk.range(of: "dependencies: [") else { return [] }
        var depth = 1
        var names: [String] = []
        var current: String?
        for character in chunk[open.upperBound...] {
            if current != nil {
                if character == "\"" {
                    names.append(current!)
                    current = nil
                } else {
                    current!.append(character)
                }
                continue
            }
            if character == "\"" { current = "" }
            if character == "[" { depth += 1 }
            if character == "]" {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return names
    }

    /// The targets `target` reaches through its dependencies (itself included).
    static func closure(of target: String, in graph: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = [target]
        var queue = [target]
        while let next = queue.popLast() {
            for dependency in graph[next] ?? [] where seen.insert(dependency).inserted { queue.append(dependency) }
        }
        return seen
    }

    /// The modules a Swift file imports (`import X`, `@testable import X`, `public import X` …).
    static func imports(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
                words[..<position].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "private"].contains($0) })
            else { return nil }
            return String(words[position + 1])
        }
    }

    @Test func theManifestReaderFindsTargetsAndTheirOwnDependencies() {
        let manifest = """
            .target(name: "A"),
            .target(name: "B", dependencies: ["A", .product(name: "GRDB", package: "GRDB.swift")]),
            .testTarget(name: "BTests", dependencies: [
                "B",
            ]),
            """
        let graph = Self.dependencies(manifest)
        #expect(graph == ["A": [], "B": ["A"], "BTests": ["B"]])
        #expect(Self.closure(of: "BTests", in: graph) == ["BTests", "B", "A"])
        #expect(Self.imports("import A\n@testable import B\nlet x = 1 // import C\n") == ["A", "B"])
    }

    @Test func everyImportOfTheProjectsOwnModulesIsADependency() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let graph = Self.dependencies(manifest)
        #expect(graph["EloCLI"]?.contains("EloPipeline") == true, "Package.swift was not read: \(graph.keys.sorted())")
        var offenders: [String] = []
        for folder in ["Sources", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let relative = String(url.path.dropFirst(base.path.count + 1))
                let target = String(relative.prefix { $0 != "/" })
                guard graph[target] != nil else { continue }
                let reachable = Self.closure(of: target, in: graph)
                let text = try String(contentsOf: url, encoding: .utf8)
                for module in Self.imports(text) where graph[module] != nil && !reachable.contains(module) {
                    offenders.append("\(folder)/\(relative) imports \(module), which \(target) does not depend on")
                }
            }
        }
        #expect(offenders.isEmpty, "add the module to the target's dependencies in Package.swift: \(offenders)")
    }

    /// `@testable import` only builds where testing is enabled (debug builds): in a target that is not a test
    /// target (EloTestSupport, the fault worker) it breaks `swift build -c release` of the whole package.
    @Test func onlyTestTargetsUseTestableImports() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let tests = Self.testTargets(manifest)
        #expect(tests.contains("EloCoreTests"), "Package.swift was not read")
        var offenders: [String] = []
        let base = Self.root.appendingPathComponent("Tests")
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.path.dropFirst(base.path.count + 1))
            guard !tests.contains(String(relative.prefix { $0 != "/" })) else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.split(separator: "\n").contains(where: { $0.hasPrefix("@testable import") }) {
                offenders.append("Tests/\(relative)")
            }
        }
        #expect(
            offenders.isEmpty, "use the module's public API there, or move the code into a test target: \(offenders)")
    }

    /// The names of the `.testTarget(…)` declarations of a manifest.
    static func testTargets(_ manifest: String) -> Set<String> {
        Set(
            manifest.components(separatedBy: ".testTarget(").dropFirst().compactMap {
                quoted(after: "name: \"", in: Substring($0))
            })
    }
}
