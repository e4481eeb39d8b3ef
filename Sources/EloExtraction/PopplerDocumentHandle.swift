import CPoppler
import Foundation

/// An open poppler-glib document; releases the document and the bytes it was loaded from in `deinit`.
/// Not thread-safe: keep it inside the call that opened it.
final class PopplerDocumentHandle {
    private let document: OpaquePointer
    private let bytes: OpaquePointer?

    private init(document: OpaquePointer, bytes: OpaquePointer?) {
        self.document = document
        self.bytes = bytes
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        if let bytes { g_bytes_unref(bytes) }
    }

    /// Opens a PDF. Without a password it is loaded from `data` (already read for the checksum); with one,
    /// from `file`: poppler 22.12 crashes in `poppler_document_new_from_data`/`_from_bytes` when a given
    /// password is wrong (it retries on a stream it has already freed), and `_from_file` does not.
    /// poppler tries a password as both the user and the owner password; `nil` tries the empty user password.
    static func open(_ data: Data, file: String, password: String?) -> Result<PopplerDocumentHandle, ExtractionFailure>
    {
        _ = globalParametersKept
        var error: UnsafeMutablePointer<GError>?
        var gbytes: OpaquePointer?
        let document: OpaquePointer?
        if let password {
            guard let uri = g_filename_to_uri(file, nil, nil) else {
                return .failure(.pdfUnreadable("the path cannot be made into a file URI"))
            }
            defer { g_free(uri) }
            document = poppler_document_new_from_file(uri, password, &error)
        } else {
            gbytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
            guard let gbytes else { return .failure(.pdfUnreadable("out of memory")) }
            document = poppler_document_new_from_bytes(gbytes, nil, &error)
        }
        guard let document else {
            if let gbytes { g_bytes_unref(gbytes) }
            defer { if error != nil { g_error_free(error) } }
            if let error, error.pointee.domain == poppler_error_quark(),
                error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            {
                return .failure(.pdfEncrypted)
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            return .failure(.pdfUnreadable(message))
        }
        return .success(PopplerDocumentHandle(document: document, bytes: gbytes))
    }

    /// poppler-glib sets up its global parameters (built-in fonts, character maps) when the first document is
    /// opened and tears them down when the last one is freed: a process reading one document after another
    /// paid for that set-up every time. A one-page document opened once and never freed keeps them.
    nonisolated(unsafe) private static let globalParametersKept: OpaquePointer? = {
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in [
            "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>",
        ] {
            offsets.append(pdf.utf8.count)
            pdf += "\(offsets.count) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 4\n0000000000 65535 f \n"
        for offset in offsets {
            pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
        }
        pdf += "trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        let bytes = Array(pdf.utf8)
        guard let gbytes = g_bytes_new(bytes, gsize(bytes.count)) else { return nil }
        return poppler_document_new_from_bytes(gbytes, nil, nil)
    }()

    /// Pages as poppler counts them (0 when the page tree is unusable).
    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// The page at 0-based `index`, or nil when poppler cannot load it.
    func page(at index: Int) -> PopplerPageHandle? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        return PopplerPageHandle(page)
    }
}
