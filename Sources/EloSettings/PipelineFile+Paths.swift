import Foundation

extension PipelineFile {
    /// `path` as the file means it: absolute as written, else relative to the pipeline file's folder.
    public func resolve(_ path: String) -> URL {
        Self.resolve(path, in: folder)
    }

    public static func resolve(_ path: String, in folder: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return folder.appendingPathComponent(path)
    }

    /// The folder of region files: `regions:`, else `regions/` beside the pipeline file.
    public var regionsFolder: URL {
        regions ?? folder.appendingPathComponent("regions").standardizedFileURL
    }

    /// The output folder: `given` (a command-line flag), else `output:`; an error when neither is there.
    public func outputFolder(given: URL? = nil) throws(ConfigurationError) -> URL {
        guard let output = given ?? output else {
            throw ConfigurationError(
                file: file, line: nil, message: "no `output:` folder given — add `output: <folder>` or pass --output")
        }
        return output.standardizedFileURL
    }
}
