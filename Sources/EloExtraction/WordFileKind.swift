import Foundation

/// What the first bytes of a file say about it, as far as Word formats go.
///
/// A ZIP (`PK\u{3}\u{4}`) may be a DOCX or ODT package, told apart later by its `[Content_Types].xml` or
/// `mimetype` entry. An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`) is either a password-protected
/// Office Open XML file (it holds an `EncryptedPackage` stream) or an old binary Word 97–2003 document.
enum WordFileKind: Equatable {
    case zipPackage
    case encryptedOfficeXML
    case legacyWord
    /// An OLE compound file that is neither (an Excel .xls, an .msg …).
    case otherCompoundFile

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The kind of `bytes`, or nil when they are neither a ZIP nor an OLE compound file.
    static func sniff(_ bytes: Data) -> WordFileKind? {
        if bytes.starts(with: zipMagic) { return .zipPackage }
        guard bytes.starts(with: oleMagic) else { return nil }
        if contains(bytes, utf16LE: "EncryptedPackage") { return .encryptedOfficeXML }
        if contains(bytes, utf16LE: "WordDocument") { return .legacyWord }
        return .otherCompoundFile
    }

    /// Whether the stream name occurs as UTF-16LE (how compound-file directory entries store names).
    private static func contains(_ bytes: Data, utf16LE name: String) -> Bool {
        var needle: [UInt8] = []
        for unit in name.utf16 {
            needle.append(UInt8(unit & 0xFF))
            needle.append(UInt8(unit >> 8))
        }
        return bytes.range(of: Data(needle)) != nil
    }
}
