import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small helpers shared by the DOCX and ODT parsers, which run `XMLParser` with namespace processing on.
enum WordXML {
    /// Runs `delegate` over `data`; returns the parser's error when the XML breaks off, nil when it was whole.
    static func parse(_ data: Data, with delegate: XMLParserDelegate) -> String? {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if parser.parse() { return nil }
        let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown XML error"
        return "line \(parser.lineNumber): \(error)"
    }

    /// The value of the attribute whose local name is `name`, whatever prefix the file gave it.
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes {
            if let colon = key.lastIndex(of: ":"), key[key.index(after: colon)...] == name { return value }
        }
        return nil
    }

    /// OOXML on/off values: absent value or anything but `false`/`0`/`off` means on.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !(value == "false" || value == "0" || value == "off")
    }
}
