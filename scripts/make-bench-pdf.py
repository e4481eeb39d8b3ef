#!/usr/bin/env python3
"""Writes a reproducible many-page text PDF for the extraction benchmark (python3 standard library only).

Pages of Finnish and Swedish prose made from a fixed word list, in one or two columns, with hyphenated
line ends, running headers and page-number footers. Content streams are Flate-compressed like office PDFs.

usage: make-bench-pdf.py OUTPUT.pdf [PAGES]   (default 1000 pages)
"""
import random
import sys
import zlib

WORDS_FI = ("elinikäinen ohjaus ohjauspalvelut työllisyys koulutus nuoret aikuiset maakunta yhteistyö "
            "verkosto osaaminen työelämä kehittäminen tavoite strategia toimenpide arviointi seuranta "
            "palveluohjaus hakeutuminen opiskelija ammatillinen lukio korkeakoulu kotoutuminen "
            "maahanmuuttajat saavutettavuus sähköinen asiointi yksilöllinen neuvonta tiedotus "
            "kumppanuus rahoitus ennakointi yrittäjyys hyvinvointi syrjäytyminen tukeminen").split()
WORDS_SV = ("livslång vägledning sysselsättning utbildning unga vuxna landskap samarbete nätverk "
            "kompetens arbetsliv utveckling mål strategi åtgärd utvärdering uppföljning rådgivning "
            "studerande yrkesutbildning gymnasium högskola integration invandrare tillgänglighet "
            "elektronisk tjänst individuell information partnerskap finansiering företagande välmående").split()

PAGE_W, PAGE_H = 595, 842
FONT_SIZE, LEADING = 10, 13


def pdf_string(text):
    """A PDF literal string in WinAnsiEncoding (cp1252), with ( ) \\ escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def column_lines(rng, words, width_chars, count):
    """Lines of about width_chars characters; a word that does not fit is hyphenated across the line end,
    except on a column's last line (as typesetters avoid: the second half would belong to another column)."""
    lines, current = [], ""
    while len(lines) < count:
        word = rng.choice(words)
        if rng.random() < 0.08:
            word += rng.choice([".", ",", ";"])
        candidate = (current + " " + word).strip()
        if len(candidate) <= width_chars:
            current = candidate
            continue
        room = width_chars - len(current) - 2
        if room >= 3 and len(word) >= 8 and len(lines) < count - 1:
            cut = min(room, len(word) - 3)
            lines.append(current + " " + word[:cut] + "-")
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    return lines


def page_content(rng, number):
    words = WORDS_FI if number % 3 else WORDS_SV
    ops = []

    def show(x, y, text, size=FONT_SIZE):
        ops.append(b"BT /F1 %d Tf %d %d Td " % (size, x, y) + pdf_string(text) + b" Tj ET")

    show(72, PAGE_H - 40, "Alueellinen ELO-strategia 2026–2030 · Regional vägledningsstrategi", 8)
    show(72, 36, "Sivu %d / sida %d" % (number, number), 8)
    body_lines = (PAGE_H - 150) // LEADING
    if number % 2:  # one column
        for i, line in enumerate(column_lines(rng, words, 95, body_lines)):
            show(72, PAGE_H - 90 - i * LEADING, line)
    else:           # two columns
        for x in (60, 330):
            for i, line in enumerate(column_lines(rng, words, 36, body_lines)):
                show(x, PAGE_H - 90 - i * LEADING, line)
    return b"\n".join(ops)


def write_pdf(path, pages, seed=2026):
    rng = random.Random(seed)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for number in range(1, pages + 1):
        page_obj = len(objects) + 1
        content = zlib.compress(page_content(rng, number), 6)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (PAGE_W, PAGE_H, page_obj + 1))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(page_obj)
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    write_pdf(sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 1000)
