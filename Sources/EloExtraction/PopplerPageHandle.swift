import CPoppler
import Foundation

/// One poppler-glib page; unreferenced in `deinit`.
final class PopplerPageHandle {
    let page: OpaquePointer

    init(_ page: OpaquePointer) { self.page = page }

    deinit { g_object_unref(UnsafeMutableRawPointer(page)) }

    /// Width and height in points.
    var size: (width: Double, height: Double) {
        var width = 0.0
        var height = 0.0
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
        let bold = rects == nil ? [] : boldRanges()
        return PageTextBuffers(text: text, rects: rects, rectCount: rects == nil ? 0 : Int(count), bold: bold)
    }

    /// The character ranges (of the page text, ends included) set in a bold face: a font whose name says
    /// Bold, Black, Heavy, Semibold or Demi (`Helvetica-Bold`, `Arial,Bold`, `OpenSans-SemiBold`).
    private func boldRanges() -> [ClosedRange<Int>] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var ranges: [ClosedRange<Int>] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let raw = current.pointee.data {
                let attributes = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                if let name = attributes.font_name, Self.isBold(String(cString: name)),
                    attributes.start_index <= attributes.end_index
                {
                    ranges.append(Int(attributes.start_index)...Int(attributes.end_index))
                }
            }
            node = current.pointee.next
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    static func isBold(_ fontName: String) -> Bool {
        let lower = fontName.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi"].contains { lower.contains($0) }
    }

    /// Whether the page draws at least one image.
    var hasImages: Bool {
        guard let mapping = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(mapping)
        return true
    }
}
