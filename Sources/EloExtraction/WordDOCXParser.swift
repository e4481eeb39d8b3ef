import EloCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads `word/document.xml` into paragraphs in reading order: body paragraphs, then tables cell by cell and
/// row by row as they come, text boxes after the paragraph that anchors them.
///
/// Only `w:t` text is taken (not deleted text or field codes); `mc:Fallback` copies of drawings are skipped.
/// Headings come from the paragraph style (via ``WordDOCXStyles``) or an outline level; list items from
/// `w:numPr` or a numbered style. `w:br w:type="page"` and `w:pageBreakBefore` start a new page.
final class WordDOCXParser: NSObject, XMLParserDelegate {
    private struct Paragraph {
        var text = ""
        var style: String?
        var numbered: Bool?
        var outline = false
    }

    private let styles: WordDOCXStyles
    private(set) var builder = WordPageBuilder()
    private var stack: [Paragraph] = []
    private var inProperties = 0
    private var inText = false
    private var skipped = WordSkippedContent()

    init(styles: WordDOCXStyles) { self.styles = styles }

    static func isWordNamespace(_ uri: String?) -> Bool {
        guard let uri else { return false }
        return uri.hasSuffix("wordprocessingml/2006/main") || uri.hasSuffix("ooxml/wordprocessingml/main")
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if skipped.enters() { return }
        if name == "Fallback" && !Self.isWordNamespace(namespaceURI) {
            skipped.begin()
            return
        }
        guard Self.isWordNamespace(namespaceURI) else { return }
        switch name {
        case "p":
            stack.append(Paragraph())
        case "pPr":
            inProperties += 1
        case "pStyle" where inProperties > 0:
            if !stack.isEmpty { stack[stack.count - 1].style = WordXML.attribute("val", in: attributes) }
        case "numId" where inProperties > 0:
            if !stack.isEmpty {
                stack[stack.count - 1].numbered = (WordXML.attribute("val", in: attributes) ?? "0") != "0"
            }
        case "outlineLvl" where inProperties > 0:
            if let level = WordXML.attribute("val", in: attributes).flatMap({ Int($0) }), level < 9 {
                if !stack.isEmpty { stack[stack.count - 1].outline = true }
            }
        case "pageBreakBefore" where inProperties > 0:
            if WordXML.isOn(WordXML.attribute("val", in: attributes)) { builder.breakPage() }
        case "t" where inProperties == 0:
            inText = true
        case "tab" where inProperties == 0:
            append("\t")
        case "br":
            if WordXML.attribute("type", in: attributes) == "page" {
                emitCurrent()
                builder.breakPage()
            } else {
                append("\n")
            }
        case "cr":
            append("\n")
        case "softHyphen":
            append("\u{AD}")
        case "noBreakHyphen":
            append("-")
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipped.leaves() { return }
        guard Self.isWordNamespace(namespaceURI) else { return }
        switch name {
        case "p":
            emitCurrent()
            stack.removeLast()
        case "pPr":
            inProperties = max(0, inProperties - 1)
        case "t":
            inText = false
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !skipped.isActive { append(string) }
    }

    private func append(_ text: String) {
        guard !skipped.isActive, !stack.isEmpty else { return }
        stack[stack.count - 1].text += text
    }

    /// Hands the innermost paragraph's text so far to the page builder and clears it.
    private func emitCurrent() {
        guard let paragraph = stack.last else { return }
        builder.add(paragraph.text, role: role(of: paragraph))
        stack[stack.count - 1].text = ""
    }

    private func role(of paragraph: Paragraph) -> TextLine.Role? {
        if paragraph.outline { return .heading }
        if let style = paragraph.style, styles.isHeading(style) { return .heading }
        if let numbered = paragraph.numbered { return numbered ? .listItem : nil }
        if let style = paragraph.style, styles.isList(style) { return .listItem }
        return nil
    }
}
