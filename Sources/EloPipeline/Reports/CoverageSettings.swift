import EloClassification
import EloCore
import EloSettings
import Foundation

/// What the reports take from a pipeline file (read and checked by `PipelineFile`, which owns the keys):
/// the title (`title:`, else `name:`) and the coverage levels (`coverage:`, else the defaults).
public struct CoverageSettings: Sendable, Hashable {
    public var title: String?
    public var thresholds: CoverageThresholds

    public init(title: String? = nil, thresholds: CoverageThresholds = .defaults) {
        self.title = title
        self.thresholds = thresholds
    }

    /// The reports' part of a pipeline file already read.
    public init(_ pipeline: PipelineFile) {
        self.init(title: pipeline.title ?? pipeline.name, thresholds: pipeline.coverage)
    }

    /// A mistake in the pipeline file, naming the file and line.
    public typealias LoadError = ConfigurationError

    public static func load(_ url: URL) throws(ConfigurationError) -> CoverageSettings {
        CoverageSettings(try PipelineFile.read(url))
    }

    /// Checks pipeline-file text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> CoverageSettings {
        CoverageSettings(
            try PipelineFile.parse(text, file: file, folder: URL(fileURLWithPath: file).deletingLastPathComponent()))
    }
}
