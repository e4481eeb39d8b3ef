import CPoppler
import Foundation

/// Renders the pages of one PDF to bitmaps with poppler-glib on a cairo image surface, for OCR.
///
/// Owns its poppler document (opened from memory) and releases it in `deinit`. Not thread-safe: keep one
/// renderer inside the call that made it.
final class PageRenderer {
    fileprivate let document: OpaquePointer
    private let bytes: OpaquePointer

    /// Opens `data`; `password` is tried as user and owner password (pass it only when known to be right:
    /// poppler 22.12 may crash on a wrong password given with in-memory data).
    init(data: Data, password: String?) throws(ExtractionFailure) {
        guard let gbytes = data.withUnsafeBytes({ raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }) else {
            throw .renderCannotOpen("out of memory")
        }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(gbytes, password, &error) else {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if error != nil { g_error_free(error) }
            g_bytes_unref(gbytes)
            throw .renderCannotOpen(message)
        }
        self.document = document
        self.bytes = gbytes
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        g_bytes_unref(bytes)
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// Page size in points, or nil when poppler cannot load the page.
    func pageSize(_ index: Int) -> (width: Double, height: Double)? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        return (width, height)
    }

    /// Renders the page at 0-based `index` at `dpi` on white, and hands the RGB24 cairo surface to `body`.
    /// Pages larger than `maxPixels` are rendered at a lower resolution so memory stays bounded.
    func withRenderedPage<T>(
        _ index: Int, dpi: Double, maxPixels: Int = 60_000_000,
        _ body: (OpaquePointer, Double) throws -> T
    ) throws -> T {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw ExtractionFailure.pageCannotRender(page: index + 1)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            throw ExtractionFailure.pageCannotRender(page: index + 1)
        }
        var scale = dpi / 72
        let pixels = width * scale * height * scale
        if pixels > Double(maxPixels) { scale *= (Double(maxPixels) / pixels).squareRoot() }
        let pixelWidth = Int32(max(1, (width * scale).rounded()))
        let pixelHeight = Int32(max(1, (height * scale).rounded()))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixelWidth, pixelHeight),
            cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
        else {
            throw ExtractionFailure.pageCannotRender(page: index + 1)
        }
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render_for_printing(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        return try body(surface, scale * 72)
    }

    /// Renders the page at `dpi` and writes it as an 8-bit greyscale PGM (fast to write, read by Tesseract);
    /// returns the resolution actually used.
    @discardableResult
    func writeGreyscale(_ index: Int, dpi: Double, to url: URL) throws -> Double {
        try withRenderedPage(index, dpi: dpi) { surface, usedDPI in
            let width = Int(cairo_image_surface_get_width(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let pixels = cairo_image_surface_get_data(surface) else {
                throw ExtractionFailure.pageCannotRender(page: index + 1)
            }
            let header = Array("P5\n\(width) \(height)\n255\n".utf8)
            var output = [UInt8](repeating: 0, count: header.count + width * height)
            output.withUnsafeMutableBufferPointer { out in
                for i in 0..<header.count { out[i] = header[i] }
                var o = header.count
                for y in 0..<height {
                    // RGB24 is one native-endian 32-bit word per pixel: 0x00RRGGBB.
                    let row = UnsafeRawPointer(pixels + y * stride).assumingMemoryBound(to: UInt32.self)
                    for x in 0..<width {
                        let p = row[x]
                        let r = (p >> 16) & 0xFF
                        let g = (p >> 8) & 0xFF
                        let b = p & 0xFF
                        out[o] = UInt8((r * 77 + g * 150 + b * 29) >> 8)
                        o += 1
                    }
                }
            }
            guard FileManager.default.createFile(atPath: url.path, contents: Data(output)) else {
                throw ExtractionFailure.cannotWrite(url.path)
            }
            return usedDPI
        }
    }
}

extension PageRenderer {
    /// The page's text layer as poppler gives it (for comparing OCR output against it).
    func textLayer(_ index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let text = poppler_page_get_text(page) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }
}
