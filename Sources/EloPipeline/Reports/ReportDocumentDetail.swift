import EloIndex
import Foundation

/// `elo show DOCUMENT`: one document's metadata, versions, diagnostics, passages and labels.
public typealias ReportDocumentDetail = DocumentRecord

extension DocumentRecord {
    /// Finds the document named `name` (inbox path, file name, or SHA-256 prefix); `version` picks an older
    /// version by number.
    public static func find(_ name: String, version: Int? = nil, indexFile: URL) throws(PipelineFailure)
        -> DocumentRecord
    {
        do { return try IndexReader(indexFile: indexFile).document(named: name, version: version) } catch {
            throw PipelineFailure(error.description)
        }
    }
}
