/// A pipeline or label-set file cannot be used: thrown at load time, before any document is read.
///
/// The message names the file and the line, says what is wrong and what to do, so that a ministry
/// secretary who edited a YAML file can fix it without reading Swift.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Path of the offending file as it was given.
    public var file: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
