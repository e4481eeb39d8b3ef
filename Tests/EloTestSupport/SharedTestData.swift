import Foundation

/// The shared test data next to the repository (`../shared/testdata`), read in place and never copied.
public enum SharedTestData {
    /// `../shared/testdata` relative to the repository root, or nil when it is absent.
    public static var root: URL? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/EloTestSupport/SharedTestData.swift → repo
        let shared = url.deletingLastPathComponent().appendingPathComponent("shared/testdata", isDirectory: true)
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    /// The files of `folder` (e.g. `pdf/broken`) sorted by name, or [] when shared data is absent.
    public static func files(in folder: String) -> [URL] {
        guard let dir = root?.appendingPathComponent(folder, isDirectory: true),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") && $0 != "MANIFEST.md" }.map {
            dir.appendingPathComponent($0)
        }
    }
}
