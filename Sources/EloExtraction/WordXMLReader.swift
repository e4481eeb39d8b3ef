import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A paragraph a Word parser is inside: the text gathered so far, with whatever else the format marks on it.
protocol WordParagraph {
    var text: String { get set }
}

/// What reading DOCX and ODT XML shares: the stack of open paragraphs (a table cell or text box opens one
/// inside another), the pages they make, and content left out (``WordSkippedContent``) — nothing inside it
/// reaches `start`, `end` or the text. The format's parser says what its elements mean in `start` and `end`.
class WordXMLReader<Paragraph: WordParagraph>: NSObject, XMLParserDelegate {
    var builder = WordPageBuilder()
    var stack: [Paragraph] = []
    var skipped = WordSkippedContent()

    /// An element starts outside left-out content.
    func start(_ name: String, namespace: String?, attributes: [String: String]) {}

    /// An element ends outside left-out content.
    func end(_ name: String, namespace: String?) {}

    /// Whether character data met now is paragraph text (DOCX: only inside `w:t`).
    var takesCharacters: Bool { true }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if skipped.enters() { return }
        start(name, namespace: namespaceURI, attributes: attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipped.leaves() { return }
        end(name, namespace: namespaceURI)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if takesCharacters { append(string) }
    }

    /// Adds `text` to the innermost open paragraph (none open, or inside left-out content: dropped).
    func append(_ text: String) {
        guard !skipped.isActive, !stack.isEmpty else { return }
        stack[stack.count - 1].text += text
    }
}
