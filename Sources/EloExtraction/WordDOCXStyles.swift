import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What `word/styles.xml` says about paragraph styles: which are headings and which are list styles.
///
/// Style ids are localised (`Heading1`, `Otsikko1`, `Rubrik1`), style names are not (`heading 1`), and
/// custom heading styles carry an outline level or inherit one through `w:basedOn`.
struct WordDOCXStyles {
    struct Style {
        var name: String = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numbered = false
    }

    var styles: [String: Style] = [:]

    static let headingPrefixes = ["heading", "otsikko", "rubrik", "title", "subtitle", "alaotsikko", "underrubrik"]

    init(data: Data?) {
        guard let data else { return }
        let parser = Parser()
        _ = WordXML.parse(data, with: parser)
        styles = parser.styles
    }

    init(styles: [String: Style] = [:]) { self.styles = styles }

    /// Whether paragraphs in style `id` are headings.
    func isHeading(_ id: String) -> Bool {
        var current: String? = id
        var seen = Set<String>()
        while let styleID = current, seen.insert(styleID).inserted {
            if Self.looksLikeHeading(styleID) { return true }
            guard let style = styles[styleID] else { return false }
            if Self.looksLikeHeading(style.name) { return true }
            if let level = style.outlineLevel, level < 9 { return true }
            current = style.basedOn
        }
        return false
    }

    /// Whether paragraphs in style `id` are list items (the style itself is numbered).
    func isList(_ id: String) -> Bool {
        var current: String? = id
        var seen = Set<String>()
        while let styleID = current, seen.insert(styleID).inserted {
            guard let style = styles[styleID] else { return false }
            if style.numbered { return true }
            current = style.basedOn
        }
        return false
    }

    static func looksLikeHeading(_ idOrName: String) -> Bool {
        let lowered = idOrName.lowercased()
        return headingPrefixes.contains { lowered.hasPrefix($0) }
    }

    private final class Parser: NSObject, XMLParserDelegate {
        var styles: [String: Style] = [:]
        private var currentID: String?
        private var current = Style()

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            switch name {
            case "style":
                let isParagraph = WordXML.attribute("type", in: attributes).map { $0 == "paragraph" } ?? true
                currentID = isParagraph ? WordXML.attribute("styleId", in: attributes) : nil
                current = Style()
            case "name" where currentID != nil:
                current.name = WordXML.attribute("val", in: attributes) ?? ""
            case "basedOn" where currentID != nil:
                current.basedOn = WordXML.attribute("val", in: attributes)
            case "outlineLvl" where currentID != nil:
                current.outlineLevel = WordXML.attribute("val", in: attributes).flatMap { Int($0) }
            case "numId" where currentID != nil:
                current.numbered = (WordXML.attribute("val", in: attributes) ?? "0") != "0"
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "style", let id = currentID {
                styles[id] = current
                currentID = nil
            }
        }
    }
}
