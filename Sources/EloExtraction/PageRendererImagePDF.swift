import CPoppler
import Foundation

extension PageRenderer {
    /// Writes an image-only copy of the PDF: every page rendered at `dpi` and placed, as a losslessly
    /// compressed bitmap, on a page of the same size with no text layer — what a clean scan looks like.
    /// Used to measure OCR quality against the original text layer.
    func writeImageOnlyPDF(to url: URL, dpi: Double, pages: Range<Int>? = nil) throws {
        let range = pages ?? 0..<pageCount
        guard let output = cairo_pdf_surface_create(url.path, 595, 842),
            cairo_surface_status(output) == CAIRO_STATUS_SUCCESS
        else { throw ExtractionFailure.cannotWrite(url.path) }
        defer { cairo_surface_destroy(output) }
        for index in range {
            guard let size = pageSize(index) else { throw ExtractionFailure.pageCannotRender(page: index + 1) }
            cairo_pdf_surface_set_size(output, size.width, size.height)
            try withRenderedPage(index, dpi: dpi) { image, usedDPI in
                let context = cairo_create(output)
                defer { cairo_destroy(context) }
                cairo_scale(context, 72 / usedDPI, 72 / usedDPI)
                cairo_set_source_surface(context, image, 0, 0)
                cairo_paint(context)
                cairo_show_page(context)
            }
        }
        cairo_surface_finish(output)
        guard cairo_surface_status(output) == CAIRO_STATUS_SUCCESS else {
            throw ExtractionFailure.cannotWrite(url.path)
        }
    }
}

/// Makes image-only PDFs from text PDFs (render every page, wrap the bitmaps in a new PDF), so OCR can be
/// measured against the original text layer.
public enum ImageOnlyPDF {
    /// Writes the image-only version of the PDF `data` to `url`; `pages` limits it to the first pages.
    public static func write(_ data: Data, to url: URL, dpi: Double = 300, firstPages: Int? = nil) throws {
        let renderer = try PageRenderer(data: data, password: nil)
        let count = min(renderer.pageCount, firstPages ?? renderer.pageCount)
        try renderer.writeImageOnlyPDF(to: url, dpi: dpi, pages: 0..<count)
    }
}
