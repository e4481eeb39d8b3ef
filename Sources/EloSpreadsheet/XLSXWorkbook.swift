import CXLSXWriter
import Foundation

/// One libxlsxwriter workbook being written to a file. Kept inside one task; `close()` writes the file, and a
/// workbook dropped without it is closed (and freed) in `deinit`.
final class XLSXWorkbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var closed = false
    let path: String

    init(path: String) throws(SpreadsheetError) {
        guard let handle = workbook_new(path) else {
            throw SpreadsheetError(message: "cannot create the workbook \(path)")
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        if !closed { workbook_close(handle) }
    }

    func sheet(_ name: String) throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw SpreadsheetError(message: "cannot add the sheet \(name)")
        }
        return sheet
    }

    /// A cell format: bold, with text and fill colours (0xRRGGBB) when given.
    func format(bold: Bool = false, ink: UInt32? = nil, fill: UInt32? = nil, wrap: Bool = false, decimals: Bool = false)
        -> UnsafeMutablePointer<lxw_format>?
    {
        guard let format = workbook_add_format(handle) else { return nil }
        if bold { format_set_bold(format) }
        if let ink { format_set_font_color(format, Self.colour(ink)) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.colour(fill))
        }
        if wrap { format_set_text_wrap(format) }
        if decimals { format_set_num_format(format, "0.00") }
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        return format
    }

    /// libxlsxwriter reads 0x000000 as "no colour"; black is its own constant.
    static func colour(_ rgb: UInt32) -> lxw_color_t {
        rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : rgb
    }

    /// Writes the file and frees the workbook.
    func close() throws(SpreadsheetError) {
        closed = true
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else {
            throw SpreadsheetError(message: "cannot write \(path): \(String(cString: lxw_strerror(status)))")
        }
    }
}

/// A spreadsheet that could not be written, in words for a person.
public struct SpreadsheetError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
