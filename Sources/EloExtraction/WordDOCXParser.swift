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
final class WordDOCXParser: WordXMLReader<WordDOCXParagraph> {
    private let styles: WordDOCXStyles
    private var inProperties = 0
    private var inText = false

    /// Elements that stand for one character of the text wherever they are: a carriage return, an optional
    /// (soft) hyphen, a hyphen that must not break.
    private static let characterElements = ["cr": "\n", "softHyphen": "\u{AD}", "noBreakHyphen": "-"]

    init(styles: WordDOCXStyles) { self.styles = styles }

    static func isWordNamespace(_ uri: String?) -> Bool {
        guard let uri else { return false }
        return uri.hasSuffix("wordprocessingml/2006/main") || uri.hasSuffix("ooxml/wordprocessingml/main")
    }

    override func start(_ name: String, namespace: String?, attributes: [String: String]) {
        if name == "Fallback" && !Self.isWordNamespace(namespace) {
            skipped.begin()
            return
        }
        guard Self.isWordNamespace(namespace) else { return }
        switch name {
        case "p":
            stack.append(WordDOCXParagraph())
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
        default:
            if let character = Self.characterElements[name] { append(character) }
        }
    }

    override func end(_ name: String, namespace: String?) {
        guard Self.isWordNamespace(namespace) else { return }
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

    override var takesCharacters: Bool { inText }

    /// Hands the innermost paragraph's text so far to the page builder and clears it.
    private func emitCurrent() {
        guard let paragraph = stack.last else { return }
        builder.add(paragraph.text, role: role(of: paragraph))
        stack[stack.count - 1].text = ""
    }

    private func role(of paragraph: WordDOCXParagraph) -> TextLine.Role? {
        if paragraph.outline { return .heading }
        if let style = paragraph.style, styles.isHeading(style) { return .heading }
        if let numbered = paragraph.numbered { return numbered ? .listItem : nil }
        if let style = paragraph.style, styles.isList(style) { return .listItem }
        return nil
    }
}

/// A DOCX paragraph being read: its text, and the style, numbering and outline level that make its role.
struct WordDOCXParagraph: WordParagraph {
    var text = ""
    var style: String?
    var numbered: Bool?
    var outline = false
}
