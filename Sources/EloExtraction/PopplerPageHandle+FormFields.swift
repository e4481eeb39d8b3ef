import CPoppler
import EloCore

/// The values a filled-in form holds: text typed into its text fields and the items chosen in its lists.
/// poppler's page text leaves them out (they live in the form's widgets, not in the page's content), so a
/// region's report written into a fillable PDF would otherwise come out empty. Buttons (check boxes, radio
/// buttons) carry no text worth reading and are skipped.
extension PopplerPageHandle {
    /// One line per line of each field's value, each with the field's area (in points from the page's top-left
    /// corner) as its box; ``FormFieldMerge`` sets them out in it.
    func formFieldLines() -> [TextLine] {
        guard let mapping = poppler_page_get_form_field_mapping(page) else { return [] }
        defer { poppler_page_free_form_field_mapping(mapping) }
        let height = size.height
        var lines: [TextLine] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let current = node {
            node = current.pointee.next
            guard let raw = current.pointee.data else { continue }
            let entry = raw.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee
            guard let field = entry.field, let value = Self.value(of: field) else { continue }
            let area = entry.area
            // Form field areas come in PDF user space (origin at the bottom-left).
            let box = Box(
                x: min(area.x1, area.x2), y: height - max(area.y1, area.y2), width: abs(area.x2 - area.x1),
                height: abs(area.y2 - area.y1))
            for text in value.split(whereSeparator: \.isNewline) where text.contains(where: \.isLetter) {
                lines.append(TextLine(text: String(text), box: box))
            }
        }
        return lines
    }

    /// A text field's text, or a choice field's chosen items (or typed text), joined by line breaks.
    private static func value(of field: OpaquePointer) -> String? {
        switch poppler_form_field_get_field_type(field) {
        case POPPLER_FORM_FIELD_TEXT:
            return taking(poppler_form_field_text_get_text(field))
        case POPPLER_FORM_FIELD_CHOICE:
            var chosen: [String] = []
            for item in 0..<poppler_form_field_choice_get_n_items(field)
            where poppler_form_field_choice_is_item_selected(field, item) != 0 {
                if let text = taking(poppler_form_field_choice_get_item(field, item)) { chosen.append(text) }
            }
            if let typed = taking(poppler_form_field_choice_get_text(field)), !chosen.contains(typed) {
                chosen.append(typed)
            }
            return chosen.isEmpty ? nil : chosen.joined(separator: "\n")
        default:
            return nil
        }
    }

    /// A string poppler allocated, freed after copying.
    private static func taking(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let text = String(cString: pointer)
        return text.isEmpty ? nil : text
    }
}
