import EloCore

/// A document a region's coverage was assessed from (or could not be), as reports list it.
public struct CoverageDocument: Sendable, Codable, Hashable {
    public var path: String
    public var status: ExtractionStatus
    public var pages: Int
    public var language: Language
    /// Errors and warnings a person should know about (e.g. why it could not be read).
    public var diagnostics: [Diagnostic]

    public init(path: String, status: ExtractionStatus, pages: Int, language: Language, diagnostics: [Diagnostic]) {
        self.path = path
        self.status = status
        self.pages = pages
        self.language = language
        self.diagnostics = diagnostics
    }

    /// The document as reports list it: warnings and errors only, machine paths shortened (`MachinePath`).
    public init(_ document: Document) {
        self.init(
            path: MachinePath.scrub(document.path), status: document.status, pages: document.pages,
            language: document.language,
            diagnostics: document.diagnostics.filter { $0.severity > .info }.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.message = MachinePath.scrub(diagnostic.message)
                return diagnostic
            })
    }
}
