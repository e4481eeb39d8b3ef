import Foundation
import ZIPFoundation

/// Builds small `.docx` and `.odt` files in memory for tests: the same content in either format, written as
/// the real formats lay it out (content types, relationships, styles; mimetype first in ODT).
public struct WordFixture: Sendable {
    /// One block of a document, in reading order.
    public enum Block: Sendable {
        case heading(String, level: Int = 1)
        case paragraph(String)
        case listItem(String)
        /// Rows of cells.
        case table([[String]])
        case pageBreak
        /// Raw body XML, written as given (DOCX: inside `w:body`; ODT: inside `office:text`).
        case raw(String)
    }

    public var blocks: [Block]
    /// The DOCX style id used for headings (`Heading`, `Otsikko`, `Rubrik` …); the level is appended.
    public var headingStyleID: String

    public init(_ blocks: [Block], headingStyleID: String = "Otsikko") {
        self.blocks = blocks
        self.headingStyleID = headingStyleID
    }

    // MARK: DOCX

    public func docx() throws -> Data {
        try Self.zip([
            ("[Content_Types].xml", Self.contentTypes),
            ("_rels/.rels", Self.packageRelationships),
            ("word/document.xml", docxDocument()),
            ("word/styles.xml", docxStyles()),
        ])
    }

    public func docxDocument() -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                body += "<w:p><w:pPr><w:pStyle w:val=\"\(headingStyleID)\(level)\"/></w:pPr>\(Self.runs(text))</w:p>"
            case .paragraph(let text):
                body += "<w:p>\(Self.runs(text))</w:p>"
            case .listItem(let text):
                body +=
                    "<w:p><w:pPr><w:pStyle w:val=\"Luettelokappale\"/><w:numPr><w:ilvl w:val=\"0\"/>"
                    + "<w:numId w:val=\"1\"/></w:numPr></w:pPr>\(Self.runs(text))</w:p>"
            case .table(let rows):
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                for row in rows {
                    body += "<w:tr>" + row.map { "<w:tc><w:p>\(Self.runs($0))</w:p></w:tc>" }.joined() + "</w:tr>"
                }
                body += "</w:tbl>"
            case .pageBreak:
                body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            case .raw(let xml):
                body += xml
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <w:body>\(body)<w:sectPr/></w:body></w:document>
            """
    }

    /// Text as runs: `\t` becomes `w:tab`, `\n` `w:br`, U+00AD `w:softHyphen`, so the reader is tested on them.
    static func runs(_ text: String) -> String {
        var xml = "<w:r>"
        var pending = ""
        func flush() {
            if !pending.isEmpty { xml += "<w:t xml:space=\"preserve\">\(escape(pending))</w:t>" }
            pending = ""
        }
        for character in text {
            switch character {
            case "\t":
                flush()
                xml += "<w:tab/>"
            case "\n":
                flush()
                xml += "<w:br/>"
            case "\u{AD}":
                flush()
                xml += "<w:softHyphen/>"
            default: pending.append(character)
            }
        }
        flush()
        return xml + "</w:r>"
    }

    func docxStyles() -> String {
        let headings = (1...3).map {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(headingStyleID)\($0)\"><w:name w:val=\"heading \($0)\"/>"
                + "<w:pPr><w:outlineLvl w:val=\"\($0 - 1)\"/></w:pPr></w:style>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normaali"><w:name w:val="Normal"/></w:style>\
            \(headings)\
            <w:style w:type="paragraph" w:styleId="Luettelokappale"><w:name w:val="List Paragraph"/>\
            <w:basedOn w:val="Normaali"/></w:style></w:styles>
            """
    }

    public static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """

    public static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    // MARK: ODT

    /// An ODT package; `encrypted` writes a manifest that declares encrypted content (as LibreOffice does
    /// for password-protected files).
    public func odt(encrypted: Bool = false) throws -> Data {
        try Self.zip([
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", Self.manifest(encrypted: encrypted)),
            ("content.xml", odtContent()),
        ])
    }

    public func odtContent() -> String {
        var body = ""
        var breakNext = false
        func paragraphStyle() -> String {
            defer { breakNext = false }
            return breakNext ? " text:style-name=\"PageBreak\"" : ""
        }
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                body += "<text:h\(paragraphStyle()) text:outline-level=\"\(level)\">\(Self.odtText(text))</text:h>"
            case .paragraph(let text):
                body += "<text:p\(paragraphStyle())>\(Self.odtText(text))</text:p>"
            case .listItem(let text):
                body +=
                    "<text:list><text:list-item><text:p\(paragraphStyle())>\(Self.odtText(text))</text:p>"
                    + "</text:list-item></text:list>"
            case .table(let rows):
                body +=
                    "<table:table table:name=\"T1\"><table:table-column table:number-columns-repeated=\""
                    + "\(rows.first?.count ?? 1)\"/>"
                for row in rows {
                    body +=
                        "<table:table-row>"
                        + row.map {
                            "<table:table-cell office:value-type=\"string\"><text:p>\(Self.odtText($0))</text:p>"
                                + "</table:table-cell>"
                        }.joined() + "</table:table-row>"
                }
                body += "</table:table>"
            case .pageBreak:
                breakNext = true
            case .raw(let xml):
                body += xml
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\
            <office:automatic-styles><style:style style:name="PageBreak" style:family="paragraph" \
            style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/>\
            </style:style></office:automatic-styles>\
            <office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
    }

    /// Text for ODT: runs of spaces as `text:s text:c`, `\t` as `text:tab`, `\n` as `text:line-break`.
    static func odtText(_ text: String) -> String {
        var xml = ""
        var spaces = 0
        func flushSpaces() {
            if spaces == 1 { xml += " " } else if spaces > 1 { xml += " <text:s text:c=\"\(spaces - 1)\"/>" }
            spaces = 0
        }
        for character in text {
            switch character {
            case " ": spaces += 1
            case "\t":
                flushSpaces()
                xml += "<text:tab/>"
            case "\n":
                flushSpaces()
                xml += "<text:line-break/>"
            default:
                flushSpaces()
                xml += escape(String(character))
            }
        }
        flushSpaces()
        return xml
    }

    static func manifest(encrypted: Bool) -> String {
        let encryption =
            encrypted
            ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\">"
                + "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"AAAA\"/>"
                + "</manifest:encryption-data>"
            : ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
            manifest:version="1.3"><manifest:file-entry manifest:full-path="/" \
            manifest:media-type="application/vnd.oasis.opendocument.text"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">\(encryption)\
            </manifest:file-entry></manifest:manifest>
            """
    }

    // MARK: Packaging

    /// A ZIP of `(path, text)` entries, deflated except `mimetype` (ODF requires it stored, and first).
    public static func zip(_ entries: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: path == "mimetype" ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The start of an OLE compound file as Office writes a password-protected `.docx`: the magic number and
    /// a directory that names the `EncryptedPackage` stream.
    public static func encryptedOfficeFile() -> Data {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        data.append(Data(repeating: 0, count: 504))
        for name in ["Root Entry", "EncryptionInfo", "EncryptedPackage"] {
            var entry = Data()
            for unit in name.utf16 {
                entry.append(UInt8(unit & 0xFF))
                entry.append(UInt8(unit >> 8))
            }
            entry.append(Data(repeating: 0, count: 128 - entry.count))
            data.append(entry)
        }
        return data
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
