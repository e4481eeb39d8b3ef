/// The fixed label ids of taxonomy.md. Reports, the index and evaluation files key on them, so a
/// label-set file that renames or drops one is rejected at load time.
public enum Taxonomy {
    public static let labelIDs: [String: Set<String>] = [
        "okm2011": [
            "okm2011.saatavuus", "okm2011.urataidot", "okm2011.osaaminen", "okm2011.laatu", "okm2011.koordinaatio",
        ],
        "elo2020": [
            "elo2020.saavutettavuus", "elo2020.laatu", "elo2020.digitaalisuus", "elo2020.monialaisuus",
            "elo2020.tietoperusta",
        ],
        "ohjaamo": [
            "ohjaamo.matala_kynnys", "ohjaamo.monialaisuus", "ohjaamo.yhteistyomalli", "ohjaamo.nuoret",
            "ohjaamo.verkko_ohjaus", "ohjaamo.toteutus",
        ],
        "tem2012": ["tem2012.roolit", "tem2012.verkosto", "tem2012.osaaminen", "tem2012.monikanavaisuus"],
        "raportti2014": [
            "raportti2014.kasite", "raportti2014.toimijat", "raportti2014.ryhma", "raportti2014.tavoitteet",
            "raportti2014.ohjaamo",
        ],
    ]
}
