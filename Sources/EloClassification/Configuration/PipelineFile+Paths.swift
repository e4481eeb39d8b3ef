import Foundation

extension PipelineFile {
    /// A file path written in the pipeline file: an absolute path is used as given (`/srv/elo/labels/x.yaml`),
    /// a relative one is taken from the pipeline file's folder.
    public func resolve(_ path: String) -> URL {
        Self.resolve(path, in: folder)
    }

    /// `resolve(_:)` for a folder known apart from a `PipelineFile`.
    public static func resolve(_ path: String, in folder: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return folder.appendingPathComponent(path)
    }
}
