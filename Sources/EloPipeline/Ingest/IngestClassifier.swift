import EloCore
import EloNormalisation

/// The classification step as ingest calls it: labels a document's passages (with evidence). One instance per
/// worker thread (a classifier may hold a Voikko handle), so it need not be thread-safe.
public protocol PassageLabelling {
    /// A fingerprint of the label definitions and thresholds; when it changes, stored passages are
    /// re-classified without re-extraction.
    var labelSetVersion: String { get }
    func classify(_ document: Document) -> Document
}

/// Makes one classifier per worker thread; `nil` when the run classifies nothing. The argument is the
/// thread's Voikko readings, shared with its base forms (nil when Voikko is missing).
public typealias PassageClassifierFactory = @Sendable (FinnishAnalyses?) throws -> (any PassageLabelling)?
