/// The Windows-1252 code page: ISO-8859-1 except for 0x80–0x9F, where it has printable punctuation
/// (€ ‚ „ … – — ‘ ’ “ ” • and a few letters) and five undefined bytes.
enum Windows1252 {
    /// Code points for 0x80–0x9F; nil where Windows-1252 defines nothing.
    static let table: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let mapped = table[Int(byte - 0x80)], let scalar = Unicode.Scalar(mapped) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
