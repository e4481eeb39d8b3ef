import CPoppler
import Foundation

/// Text and character rectangles of one page as poppler-glib allocated them; freed in `deinit`.
final class PageTextBuffers {
    private let textPointer: UnsafeMutablePointer<CChar>?
    private let rectPointer: UnsafeMutablePointer<PopplerRectangle>?
    let text: UnsafeBufferPointer<UInt8>
    let rects: UnsafeBufferPointer<PopplerRectangle>
    /// Character ranges of the text set in a bold face, sorted (see `PopplerPageHandle.textAndLayout`).
    let bold: [ClosedRange<Int>]

    init(
        text: UnsafeMutablePointer<CChar>?, rects: UnsafeMutablePointer<PopplerRectangle>?, rectCount: Int,
        bold: [ClosedRange<Int>] = []
    ) {
        self.bold = bold
        textPointer = text
        rectPointer = rects
        self.text =
            text.map {
                UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))
            } ?? UnsafeBufferPointer(start: nil, count: 0)
        self.rects = UnsafeBufferPointer(start: rects, count: rectCount)
    }

    deinit {
        g_free(textPointer)
        g_free(rectPointer)
    }
}
