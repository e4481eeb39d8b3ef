import EloCore
import Foundation

extension WorkerProcess.Outcome {
    /// The document this outcome stands for: what the worker read, or a `failed` document whose one
    /// diagnostic carries the failure's id and reason (`ingest.worker-timeout`: "timed out: …").
    public func readDocument(path: String, sha256: String) -> Document {
        switch self {
        case .document(var read):
            read.path = path
            read.sha256 = sha256
            return read
        case .failure(let id, let reason):
            let isText = ["txt", "text"].contains((path as NSString).pathExtension.lowercased())
            return Document(
                path: path, sha256: sha256, pages: 0, language: .unknown, status: .failed,
                method: isText ? .plainText : .textLayer,
                diagnostics: [Diagnostic(id: id, severity: .error, message: reason)], passages: [])
        }
    }
}
