import CPoppler
import EloCore
import Foundation

/// Reads Word files — `.docx` (Office Open XML) and `.odt` (OpenDocument) — with a ZIP reader and an XML
/// parser; no office suite is needed at run time.
///
/// Word files have no fixed pages: the text is one page unless the file has explicit page breaks. Each
/// paragraph is one `TextLine` whose `role` marks headings and list items. The method is `plain-text` (the
/// text is the author's own, not recovered from a layout). Corrupt packages, a missing body, encrypted
/// files and old binary `.doc` files come back `failed` or `needs-password` with `extraction.word-*`
/// diagnostics; never throws.
public struct WordExtractor: Sendable {
    /// Cap on the unpacked size of one XML part (defends against ZIP bombs).
    public var maxPartBytes: Int

    public init(maxPartBytes: Int = 256 << 20) {
        self.maxPartBytes = maxPartBytes
    }

    /// Whether `bytes` should go to this extractor: a ZIP package or an OLE compound file. A ZIP that turns
    /// out not to be a text document still gets a clear `extraction.word-unsupported` diagnostic from `run`.
    public static func claims(_ bytes: Data) -> Bool {
        WordFileKind.sniff(bytes) != nil
    }

    /// Whether the file name says Word or OpenDocument text (`.docx`, `.docm`, `.dotx`, `.doc`, `.odt`, `.ott`).
    public static func isNamedWord(_ path: String) -> Bool {
        ["docx", "docm", "dotx", "dotm", "doc", "odt", "ott"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Extracts the Word file at `path` whose content is `bytes`. `sha256` may be passed when the caller has
    /// it already; otherwise it is computed.
    public func run(path: String, bytes: Data, sha256: String? = nil) -> ExtractedText {
        var result = ExtractedText(
            path: path, sha256: sha256 ?? ContentDigest.sha256(of: bytes), byteCount: bytes.count, method: .plainText)
        switch WordFileKind.sniff(bytes) {
        case .encryptedOfficeXML:
            result.status = .needsPassword
            result.diagnostics.append(WordFinding.encrypted(format: "Word (.docx)").about(path))
        case .legacyWord:
            result.diagnostics.append(WordFinding.legacyFormat.about(path))
        case .otherCompoundFile:
            result.diagnostics.append(WordFinding.unsupportedPackage(what: "an OLE compound file").about(path))
        case nil:
            result.diagnostics.append(WordFinding.corrupt(reason: "not a ZIP package").about(path))
        case .zipPackage:
            readPackage(bytes, into: &result)
        }
        return result
    }

    private func readPackage(_ bytes: Data, into result: inout ExtractedText) {
        let path = result.path
        do {
            let package = try WordPackage(bytes: bytes, maxPartBytes: maxPartBytes)
            if let types = try package.read("[Content_Types].xml") {
                try readDOCX(package, contentTypes: String(decoding: types, as: UTF8.self), into: &result)
            } else if let mimetype = try package.read("mimetype") {
                try readODT(package, mimetype: String(decoding: mimetype, as: UTF8.self), into: &result)
            } else if package.has("word/document.xml") {
                try readDOCX(package, contentTypes: "", into: &result)
            } else {
                result.diagnostics.append(
                    WordFinding.missingBody(part: "[Content_Types].xml or mimetype entry (not a Word package)").about(
                        path))
            }
        } catch {
            switch error {
            case .notAZip(let reason):
                result.diagnostics.append(WordFinding.corrupt(reason: reason).about(path))
            case .partTooLarge(let part):
                result.diagnostics.append(WordFinding.tooLarge(part: part, limit: maxPartBytes).about(path))
            default:
                result.diagnostics.append(WordFinding.corrupt(reason: error.description).about(path))
            }
        }
    }

    private func readDOCX(
        _ package: WordPackage, contentTypes: String,
        into result: inout ExtractedText
    ) throws(ExtractionFailure) {
        let path = result.path
        if !contentTypes.isEmpty,
            !contentTypes.contains("wordprocessingml.document")
                && !contentTypes.contains("ms-word.document") && !contentTypes.contains("ms-word.template")
        {
            let what =
                contentTypes.contains("spreadsheetml")
                ? "an Excel workbook"
                : contentTypes.contains("presentationml") ? "a PowerPoint presentation" : "an unknown Office package"
            result.diagnostics.append(WordFinding.unsupportedPackage(what: what).about(path))
            return
        }
        let mainPart = try Self.officeDocumentPart(package) ?? "word/document.xml"
        guard let body = try package.read(mainPart) else {
            result.diagnostics.append(WordFinding.missingBody(part: mainPart).about(path))
            return
        }
        let stylesPart = (mainPart as NSString).deletingLastPathComponent + "/styles.xml"
        let parser = WordDOCXParser(styles: WordDOCXStyles(data: try package.read(stylesPart)))
        let damage = WordXML.parse(body, with: parser)
        finish(parser.builder, damage: damage, part: mainPart, into: &result)
    }

    private func readODT(
        _ package: WordPackage, mimetype: String,
        into result: inout ExtractedText
    ) throws(ExtractionFailure) {
        let path = result.path
        let type = mimetype.trimmingCharacters(in: .whitespacesAndNewlines)
        guard type.hasPrefix("application/vnd.oasis.opendocument.text") else {
            result.diagnostics.append(WordFinding.unsupportedPackage(what: type).about(path))
            return
        }
        if let manifest = try package.read("META-INF/manifest.xml"),
            String(decoding: manifest, as: UTF8.self).contains("encryption-data")
        {
            result.status = .needsPassword
            result.diagnostics.append(WordFinding.encrypted(format: "OpenDocument (.odt)").about(path))
            return
        }
        guard let content = try package.read("content.xml") else {
            result.diagnostics.append(WordFinding.missingBody(part: "content.xml").about(path))
            return
        }
        let parser = WordODTParser()
        let damage = WordXML.parse(content, with: parser)
        finish(parser.builder, damage: damage, part: "content.xml", into: &result)
    }

    private func finish(_ builder: WordPageBuilder, damage: String?, part: String, into result: inout ExtractedText) {
        result.pages = builder.finished()
        result.pageCount = result.pages.count
        if builder.paragraphCount == 0 {
            result.status = .failed
            result.diagnostics.append(
                damage.map { WordFinding.corrupt(reason: "\(part): \($0)").about(result.path) }
                    ?? WordFinding.empty.about(result.path))
            return
        }
        if let damage {
            result.status = .partial
            result.diagnostics.append(WordFinding.damagedXML(part: part, reason: damage).about(result.path))
        } else {
            result.status = .ok
        }
    }

    /// The main part named by the package relationships (`_rels/.rels`, type …/officeDocument).
    private static func officeDocumentPart(_ package: WordPackage) throws(ExtractionFailure) -> String? {
        guard let rels = try package.read("_rels/.rels") else { return nil }
        let text = String(decoding: rels, as: UTF8.self)
        for chunk in text.components(separatedBy: "<Relationship ").dropFirst()
        where chunk.contains("/officeDocument\"") {
            guard let start = chunk.range(of: "Target=\"") else { continue }
            let rest = chunk[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            var target = String(rest[..<end])
            while target.hasPrefix("/") { target.removeFirst() }
            return target.isEmpty ? nil : target
        }
        return nil
    }

}
