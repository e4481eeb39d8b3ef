import EloCore

/// A document's diagnostic as reports say it: the words of `diagnostic.<id>` in the page's language (what
/// happened and what to do), the stable id beside it; the recorded (English) message stays in a tooltip.
/// An id without words of its own reads as `diagnostic.other`.
enum DiagnosticText {
    static func text(_ diagnostic: Diagnostic, _ strings: ReportStrings) -> String {
        let own = strings.text("diagnostic.\(diagnostic.id)")
        let words = own.hasPrefix("⟦") ? strings.text("diagnostic.other") : own
        return diagnostic.page.map { words + " (" + strings.text("quote.page", ["page": String($0)]) + ")" } ?? words
    }

    static func html(_ diagnostic: Diagnostic, _ strings: ReportStrings) -> String {
        let e = HTMLText.escape
        return
            "<span title=\"\(e(MachinePath.scrub(diagnostic.message)))\">\(e(text(diagnostic, strings)))</span> <code>\(e(diagnostic.id))</code>"
    }
}
