import Foundation

/// Generated Finnish text of any size, for the tests of the per-document limits: numbered paragraphs
/// (`Kappale 7.` starts the seventh) of ordinary guidance sentences, with or without blank lines between them.
public enum LargeText {
    static let sentences = [
        "Alueellinen ohjauksen yhteistyöryhmä kehittää ohjauspalveluja yhdessä TE-toimiston kanssa.",
        "Nuorisotakuun toteutumista seurataan esim. oppilaitosten ja kuntien yhteisillä mittareilla.",
        "Ohjaamo tarjoaa alle 30-vuotiaille matalan kynnyksen neuvontaa ja tukea koulutukseen hakeutumiseen.",
        "Elinikäisen ohjauksen palvelut ovat saavutettavia myös verkossa ja puhelimitse koko maakunnassa.",
        "Ohjaushenkilöstön osaamista vahvistetaan täydennyskoulutuksella ja vertaisoppimisella.",
        "Aikuisten urasuunnittelun tukea lisätään erityisesti työttömille ja maahanmuuttajille.",
    ]

    /// The `number`th paragraph (from 1): its marker and four sentences.
    public static func paragraph(_ number: Int) -> String {
        "Kappale \(number). " + (0..<4).map { sentences[(number + $0) % sentences.count] }.joined(separator: " ")
    }

    /// Paragraphs from 1 on until the text has at least `bytes` UTF-8 bytes, one a line, separated by a blank
    /// line (`separator: "\n\n"`), by a line end only (`"\n"`), or by a space (`" "`: one line without end).
    public static func text(bytes: Int, separator: String = "\n\n") -> (text: String, paragraphs: Int) {
        var text = ""
        text.reserveCapacity(bytes + 1024)
        var number = 0
        while text.utf8.count < bytes {
            number += 1
            if number > 1 { text += separator }
            text += paragraph(number)
        }
        return (text + (separator == " " ? "" : "\n"), number)
    }
}
