import CPoppler
import Foundation

/// One poppler-glib page; unreferenced in `deinit`.
final class PopplerPageHandle {
    private let page: OpaquePointer

    init(_ page: OpaquePointer) { self.page = page }

    deinit { g_object_unref(UnsafeMutableRawPointer(page)) }

    /// Width and height in points.
    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        return (width, height)
    }

    /// The page's text (UTF-8, reading order) and one rectangle per character of that text (none when
    /// poppler gives no layout). The page can be released before the buffers are read.
    func textAndLayout() -> PageTextBuffers {
        let text = poppler_page_get_text(page)
        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        if let text, text.pointee != 0, poppler_page_get_text_layout(page, &rects, &count) == 0 {
            g_free(rects)
            rects = nil
            count = 0
        }
        return PageTextBuffers(text: text, rects: rects, rectCount: rects == nil ? 0 : Int(count))
    }

    /// Whether the page draws at least one image.
    var hasImages: Bool {
        guard let mapping = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(mapping)
        return true
    }
}
