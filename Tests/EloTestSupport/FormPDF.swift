import Foundation

/// A one-page fillable PDF form (AcroForm) with a filled-in text field and a drop-down list with a chosen
/// item: the values live in the form's widgets, not in the page's text.
public enum FormPDF {
    /// `labels` are drawn as page text from the top; `typed` is the text field's value, `chosen` the list's.
    public static func filled(labels: [String], typed: String, chosen: String) -> Data {
        let drawn = labels.enumerated().map { index, label in
            "BT /F1 11 Tf 72 \(760 - index * 200) Td <\(MiniPDFWriter.winAnsiHex(label))> Tj ET\n"
        }
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R] >> >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                + "/Contents 7 0 R /Annots [5 0 R 6 0 R] >>",
            "<< /Type /Annot /Subtype /Widget /FT /Tx /Ff 4096 /T (kuvaus) /V <\(MiniPDFWriter.winAnsiHex(typed))> "
                + "/Rect [72 600 520 740] /P 4 0 R >>",
            "<< /Type /Annot /Subtype /Widget /FT /Ch /Ff 131072 /T (alue) /Opt [(Lappi) (Pirkanmaa)] "
                + "/V <\(MiniPDFWriter.winAnsiHex(chosen))> /Rect [72 380 300 400] /P 4 0 R >>",
        ].map { Data($0.utf8) }
        return MiniPDFWriter.assemble(objects + [MiniPDFWriter.stream(Data(drawn.joined().utf8))])
    }
}
