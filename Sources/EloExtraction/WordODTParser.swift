import EloCore
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an OpenDocument `content.xml` into paragraphs in reading order: `text:h` headings, `text:p`
/// paragraphs, `text:list` items (nested lists too) and `table:table` cells row by row.
///
/// Automatic paragraph styles are read first (they precede the body) to find explicit page breaks
/// (`fo:break-before`/`fo:break-after="page"`) and paragraphs styled as headings. Notes, annotations,
/// tracked deletions and generated indexes are skipped; `text:s`, `text:tab` and `text:line-break` become
/// spaces.
final class WordODTParser: WordXMLReader<WordODTParagraph> {
    private struct ParagraphStyle {
        var parent: String?
        var breakBefore = false
        var breakAfter = false
    }

    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNamespace = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    private static let skippedElements: Set<String> = [
        "note", "annotation", "tracked-changes", "table-of-content", "alphabetical-index",
        "illustration-index", "bibliography", "sequence-decls",
    ]

    /// Elements that stand for one character of the text: a tab or a line break read as a space, an optional
    /// (soft) hyphen.
    private static let characterElements = ["tab": " ", "line-break": " ", "soft-hyphen": "\u{AD}"]

    private var listDepth = 0
    private var styles: [String: ParagraphStyle] = [:]
    private var currentStyle: String?

    override func start(_ name: String, namespace: String?, attributes: [String: String]) {
        if namespace == Self.styleNamespace {
            readStyle(name, attributes)
            return
        }
        guard namespace == Self.textNamespace else { return }
        if Self.skippedElements.contains(name) {
            skipped.begin()
            return
        }
        switch name {
        case "h", "p":
            var paragraph = WordODTParagraph()
            let styleName = WordXML.attribute("style-name", in: attributes)
            let style = styleName.flatMap { styles[$0] }
            if style?.breakBefore == true { builder.breakPage() }
            paragraph.breakAfter = style?.breakAfter == true
            if name == "h" || Self.isHeadingStyle(styleName) || Self.isHeadingStyle(style?.parent) {
                paragraph.role = .heading
            } else if listDepth > 0 {
                paragraph.role = .listItem
            }
            stack.append(paragraph)
        case "list":
            listDepth += 1
        case "s":
            let count = WordXML.attribute("c", in: attributes).flatMap { Int($0) } ?? 1
            append(String(repeating: " ", count: max(1, min(count, 64))))
        default:
            if let character = Self.characterElements[name] { append(character) }
        }
    }

    override func end(_ name: String, namespace: String?) {
        if namespace == Self.styleNamespace, name == "style" {
            currentStyle = nil
            return
        }
        guard namespace == Self.textNamespace else { return }
        switch name {
        case "h", "p":
            guard let paragraph = stack.popLast() else { return }
            builder.add(paragraph.text, role: paragraph.role)
            if paragraph.breakAfter { builder.breakPage() }
        case "list":
            listDepth = max(0, listDepth - 1)
        default:
            break
        }
    }

    private func readStyle(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "style":
            guard WordXML.attribute("family", in: attributes) == "paragraph",
                let styleName = WordXML.attribute("name", in: attributes)
            else {
                currentStyle = nil
                return
            }
            currentStyle = styleName
            styles[styleName] = ParagraphStyle(parent: WordXML.attribute("parent-style-name", in: attributes))
        case "paragraph-properties":
            guard let styleName = currentStyle else { return }
            if WordXML.attribute("break-before", in: attributes) == "page" { styles[styleName]?.breakBefore = true }
            if WordXML.attribute("break-after", in: attributes) == "page" { styles[styleName]?.breakAfter = true }
        default:
            break
        }
    }

    /// `Heading_20_1`, `Title`, `Otsikko_20_1`, `Rubrik_20_1` (ODF escapes spaces in style names as `_20_`).
    static func isHeadingStyle(_ name: String?) -> Bool {
        guard let name else { return false }
        return WordDOCXStyles.looksLikeHeading(name)
    }
}

/// An ODT paragraph or heading being read: its text, its role, and whether its style breaks the page after it.
struct WordODTParagraph: WordParagraph {
    var text = ""
    var role: TextLine.Role?
    var breakAfter = false
}
