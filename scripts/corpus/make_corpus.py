#!/usr/bin/env python3
"""Generate the elo sample corpus from corpus/sources/.

Run from the repository root:

    python3 scripts/corpus/make_corpus.py            # (re)build everything
    python3 scripts/corpus/make_corpus.py --check    # also verify with pdftotext

Python 3 standard library only. External tools: pdftoppm (scanned PDF),
qpdf (encrypted PDF), pdftotext (only for --check).

Source markup (corpus/sources/<region>/<name>.txt), UTF-8:

    front matter: `key: value` lines up to a line `---`
    # Heading 1          ## Heading 2
    - bullet item        -- sub-bullet item
    | cell | cell |      table row (no wrapping; columns at equal widths)
    @@pagebreak          start a new page
    @@columns 2          new page, two-column layout from here
    @@columns 1          new page, back to one column
    %% labels...         gold labels of the block just above (see below)
    blank lines separate paragraphs; lines of one paragraph are joined.

Annotation lines (`%%`) are stripped from every output. `%% -` marks a negative
(no label in the judged sets); `~label` marks a passing mention (gold
negative; counts as "weak" in the answer key); `q=...` (at the end of the line)
gives the quote explicitly instead of the first sentence(s) of the block.

Front-matter keys: output (path under the output root), root (inbox |
documents-2020; default inbox), region, round, type, lang, format (pdf | txt),
encoding (txt only), title, header, footer (with {page} and {pages}), date
(YYYYMMDD), fontsize, leading, compress (yes|no), hyphenate (yes|no),
page (portrait|landscape), h1break (yes|no), post (scan | encrypt | truncate),
password, duplicate (second file name, byte-identical), supersedes,
labelsets (space-separated), labels (yes|no: export gold labels).
"""

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SOURCES = os.path.join(ROOT, "corpus", "sources")
OUTROOTS = {
    "inbox": os.path.join(ROOT, "corpus", "inbox"),
    "documents-2020": os.path.join(ROOT, "corpus", "documents-2020"),
}
LABELS_DIR = os.path.join(ROOT, "corpus", "labels")
SEED003 = next((p for p in (
    os.path.join(ROOT, "..", "shared", "seeds", "003_a2769599c30575c8.txt"),
    "/work/shared/seeds/003_a2769599c30575c8.txt") if os.path.exists(p)),
    "003_a2769599c30575c8.txt")

SETS_2014 = ["okm2011", "ohjaamo", "tem2012", "raportti2014"]
ALL_LABELS = {
    "okm2011": ["saatavuus", "urataidot", "osaaminen", "laatu", "koordinaatio"],
    "tem2012": ["roolit", "verkosto", "osaaminen", "monikanavaisuus"],
    "raportti2014": ["kasite", "toimijat", "ryhma", "tavoitteet", "ohjaamo"],
    "ohjaamo": ["matala_kynnys", "monialaisuus", "yhteistyomalli", "nuoret",
                "verkko_ohjaus", "toteutus"],
    "elo2020": ["saavutettavuus", "laatu", "digitaalisuus", "monialaisuus",
                "tietoperusta"],
}
KNOWN_LABELS = {f"{s}.{l}" for s, ls in ALL_LABELS.items() for l in ls}

# --------------------------------------------------------------------------
# Helvetica metrics (1/1000 em), from the standard Type 1 font metrics, for
# the characters this corpus uses. Unknown characters fall back to 556.
# --------------------------------------------------------------------------

def _widths(spec):
    table = {}
    for item in spec.split():
        chars, w = item.rsplit("=", 1)
        for ch in chars:
            table[ch] = int(w)
    return table

_REG = _widths(
    " !,./:;I[\\]fijlt=278 il=222 \"=355 #$0123456789?_abdeghnopqu=556 "
    "%=889 &=667 '=191 ()-r`=333 *=389 +<>~=584 @=1015 ABEKPSVXY=667 "
    "CDHNRUw=722 FTZ=611 GOQ=778 J=500 L=556 M=833 W=944 ^=469 ckvsxyz=500 "
    "m=833 {}=334 |=260 ÄÅÉÖÜ=667 äåéöüèà=556 –=556 —=1000 •=350 "
    "“”‘’=333 „=333 €=556 §=556 °=400 ´=333 ×=584 …=1000"
)
_REG.update({"i": 222, "j": 222, "l": 222, "r": 333, "t": 278, "f": 278,
             "Ö": 778, "Ü": 722, "I": 278, "‘": 222, "’": 222, "ø": 611})
_BOLD = _widths(
    " ,./\\fI=278 !:;()-[]`=333 \"=474 #$0123456789_acegks=556 %=889 "
    "&ABCDHKNRU=722 '=238 *=389 +<>^~=584 ?=611 @=975 EP=667 FLTZ=611 GOQ=778 "
    "J=556 M=833 SVXY=667 W=944 bdhnopqu=611 i=278 j=278 l=278 m=889 r=389 t=333 "
    "vxy=556 w=778 z=500 {}=389 |=280 ÄÅÉ=722 Ö=778 Ü=722 äåéöü=556 –=556 "
    "—=1000 •=350 “”=500 ‘’=278 €=556 §=556 …=1000"
)
_BOLD.update({"Ä": 722, "Å": 722, "ä": 556, "å": 556, "ö": 611, "ü": 611,
              "é": 556, "E": 667, "S": 667})


def text_width(s, size, bold=False):
    table = _BOLD if bold else _REG
    return sum(table.get(ch, 556) for ch in s) * size / 1000.0


# --------------------------------------------------------------------------
# Hyphenation: break a word at a syllable boundary (Finnish rule: a new
# syllable starts at a consonant followed by a vowel; good enough for
# Swedish too). Returns candidate split indexes, longest first part first.
# --------------------------------------------------------------------------

VOWELS = set("aeiouyäöåéAEIOUYÄÖÅÉ")


# first parts of common compounds: never break one letter off such a part
# (ohjaus|osaaminen, not ohjau-sosaaminen)
COMPOUND_PREFIXES = ["ohjaus", "koulutus", "palvelu", "opinto", "nuoriso",
                     "verkko", "aikuis", "yhteis", "kehittämis", "toiminta",
                     "strategia", "elinikäis", "osaamis", "arbets", "utbildnings",
                     "vägledning", "vägled", "studie", "ungdoms"]


def hyphen_points(word):
    core = word
    # never break acronyms, numbers, words with digits or internal hyphens
    if len(core) < 9 or any(c.isdigit() for c in core) or "-" in core:
        return []
    if sum(1 for c in core if c.isupper()) > 1:
        return []
    letters = [c for c in core if c.isalpha()]
    if len(letters) != len(core.rstrip(".,;:!?)”\"'")):
        return []
    pts = []
    n = len(core)
    low = core.lower()
    bad = set()
    for pre in COMPOUND_PREFIXES:
        if low.startswith(pre) and len(low) - len(pre) >= 4:
            bad.update({len(pre) - 1, len(pre) + 1})
    for i in range(3, n - 3):
        c, nxt, prev = core[i], core[i + 1], core[i - 1]
        if i in bad:
            continue
        if c.isalpha() and c not in VOWELS and nxt in VOWELS:
            if any(ch in VOWELS for ch in core[:i]) and core[i + 1:].isalpha() is not None:
                if prev.isalpha():
                    pts.append(i)
    return sorted(pts, reverse=True)


# --------------------------------------------------------------------------
# Source parsing
# --------------------------------------------------------------------------

class Block:
    def __init__(self, kind, text, level=0):
        self.kind = kind          # h1 h2 p li li2 row pagebreak columns
        self.text = text
        self.level = level
        self.ann = None           # raw annotation string


def parse_source(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: missing front matter separator ---")
    meta = {}
    for line in head.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip()
    blocks = []
    para = []

    def flush():
        if para:
            blocks.append(Block("p", " ".join(x.strip() for x in para)))
            para.clear()

    for line in body.splitlines():
        s = line.rstrip()
        if s.startswith("%%"):
            flush()
            if not blocks:
                raise SystemExit(f"{path}: annotation before any block")
            if blocks[-1].ann is not None:
                raise SystemExit(f"{path}: two annotations for one block: {s}")
            blocks[-1].ann = s[2:].strip()
            continue
        if not s.strip():
            flush()
            continue
        if s.startswith("@@"):
            flush()
            parts = s[2:].split()
            if parts[0] == "pagebreak":
                blocks.append(Block("pagebreak", ""))
            elif parts[0] == "columns":
                blocks.append(Block("columns", "", int(parts[1])))
            else:
                raise SystemExit(f"{path}: unknown directive {s}")
            continue
        if s.startswith("## "):
            flush(); blocks.append(Block("h2", s[3:].strip())); continue
        if s.startswith("# "):
            flush(); blocks.append(Block("h1", s[2:].strip())); continue
        if s.startswith("-- "):
            flush(); blocks.append(Block("li2", s[3:].strip())); continue
        if s.startswith("- "):
            flush(); blocks.append(Block("li", s[2:].strip())); continue
        if s.startswith("|"):
            flush()
            cells = [c.strip() for c in s.strip().strip("|").split("|")]
            blocks.append(Block("row", " ".join(c for c in cells if c)))
            blocks[-1].cells = cells
            continue
        # continuation of a bullet item: indented line right after a bullet
        if not para and blocks and blocks[-1].kind in ("li", "li2") and line.startswith("  "):
            blocks[-1].text += " " + s.strip()
            continue
        para.append(s)
    flush()
    return meta, blocks


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------

A4 = (595.28, 841.89)


class Line:
    def __init__(self, x, y, text, size, bold=False):
        self.x, self.y, self.text, self.size, self.bold = x, y, text, size, bold


class Layout:
    def __init__(self, meta):
        self.meta = meta
        land = meta.get("page", "portrait") == "landscape"
        self.W, self.H = (A4[1], A4[0]) if land else A4
        self.size = float(meta.get("fontsize", "11"))
        self.leading = float(meta.get("leading", "1.45"))
        self.hyphenate = meta.get("hyphenate", "yes") == "yes"
        self.h1break = meta.get("h1break", "no") == "yes"
        self.ml, self.mr = 68.0, 68.0
        self.top = self.H - 78.0
        self.bottom = 72.0
        self.pages = []
        self.ncols = 1
        self.new_page()

    # page / column management
    def new_page(self):
        self.pages.append([])
        self.col = 0
        self.y = self.top
        self.page_top = True

    def col_geom(self):
        full = self.W - self.ml - self.mr
        if self.ncols == 1:
            return self.ml, full
        gap = 22.0
        w = (full - gap) / 2
        return self.ml + self.col * (w + gap), w

    def keep_together(self, nlines):
        # short blocks are not split over a page or column break
        if nlines <= 6 and self.y - nlines * self.size * self.leading < self.bottom:
            self.force_break()

    def force_break(self):
        if self.ncols == 2 and self.col == 0:
            self.col = 1
            self.y = self.top
            self.page_top = True
        else:
            self.new_page()

    def advance(self, h):
        if self.y - h < self.bottom:
            if self.ncols == 2 and self.col == 0:
                self.col = 1
                self.y = self.top
            else:
                self.new_page()
        self.y -= h
        self.page_top = False
        return self.y

    def put(self, dx, text, size, bold=False):
        x0, _ = self.col_geom()
        y = self.advance(size * self.leading)
        self.pages[-1].append(Line(x0 + dx, y, text, size, bold))

    def gap(self, h):
        if not self.page_top:
            if self.y - h < self.bottom:
                return
            self.y -= h

    # wrapping
    def wrap(self, text, width, size, bold=False):
        words = text.split(" ")
        lines, cur = [], ""
        space = text_width(" ", size, bold)
        i = 0
        while i < len(words):
            w = words[i]
            if not w:
                i += 1
                continue
            trial = (cur + " " + w) if cur else w
            if text_width(trial, size, bold) <= width:
                cur = trial
                i += 1
                continue
            room = width - (text_width(cur, size, bold) + space if cur else 0)
            split = None
            # a real compound hyphen may fall at the line end
            if "-" in w[1:-1]:
                for m in reversed([m.end() for m in re.finditer("-", w) if 0 < m.end() < len(w)]):
                    if text_width(w[:m], size, bold) <= room:
                        split = (w[:m], w[m:])
                        break
            if split is None and self.hyphenate and not bold and room > 0.12 * width:
                for p in hyphen_points(w):
                    if text_width(w[:p] + "-", size, bold) <= room:
                        split = (w[:p] + "-", w[p:])
                        break
            if split is not None:
                lines.append((cur + " " + split[0]) if cur else split[0])
                cur = ""
                words[i] = split[1]
                continue
            if not cur:          # a single word longer than the line
                lines.append(w)
                i += 1
                continue
            lines.append(cur)
            cur = ""
        if cur:
            lines.append(cur)
        return lines

    def add(self, b):
        s = self.size
        if b.kind == "pagebreak":
            self.new_page()
            return
        if b.kind == "columns":
            self.new_page()
            self.ncols = b.level
            return
        x0, width = self.col_geom()
        if b.kind == "h1":
            if self.h1break and not self.page_top:
                self.new_page()
            self.gap(s * 1.2)
            hs = s + 4
            # keep heading with at least three following lines
            if self.y - hs * 1.3 - 3 * s * self.leading < self.bottom:
                self.force_break()
            for ln in self.wrap(b.text, width, hs, True):
                self.put(0, ln, hs, True)
            self.gap(s * 0.4)
        elif b.kind == "h2":
            self.gap(s * 0.8)
            hs = s + 1.5
            if self.y - hs * 1.3 - 2 * s * self.leading < self.bottom:
                self.force_break()
            for ln in self.wrap(b.text, width, hs, True):
                self.put(0, ln, hs, True)
            self.gap(s * 0.2)
        elif b.kind == "p":
            lines = self.wrap(b.text, width, s)
            self.keep_together(len(lines))
            for ln in lines:
                self.put(0, ln, s)
            self.gap(s * 0.6)
        elif b.kind in ("li", "li2"):
            ind = 14.0 if b.kind == "li" else 30.0
            mark = "\u2022" if b.kind == "li" else "\u2013"
            lines = self.wrap(b.text, width - ind, s)
            self.keep_together(len(lines))
            for k, ln in enumerate(lines):
                if k == 0:
                    x_mark, _ = self.col_geom()
                    y = self.advance(s * self.leading)
                    self.pages[-1].append(Line(x_mark + ind - 10, y, mark, s))
                    self.pages[-1].append(Line(x_mark + ind, y, ln, s))
                else:
                    self.put(ind, ln, s)
            self.gap(s * 0.25)
        elif b.kind == "row":
            cells = b.cells
            cw = width / max(1, len(cells))
            y = self.advance(s * self.leading)
            x_now, _ = self.col_geom()
            for k, c in enumerate(cells):
                if c:
                    self.pages[-1].append(Line(x_now + k * cw, y, c, s))
        else:
            raise ValueError(b.kind)


# --------------------------------------------------------------------------
# PDF writer (own minimal implementation)
# --------------------------------------------------------------------------

def pdf_string(text):
    data = text.encode("cp1252")
    out = bytearray(b"(")
    for byte in data:
        if byte in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


class PDF:
    def __init__(self, compress=True):
        self.objs = []          # list of bytes (object bodies), 1-based ids
        self.compress = compress

    def reserve(self):
        self.objs.append(None)
        return len(self.objs)

    def set(self, oid, body):
        self.objs[oid - 1] = body

    def add(self, body):
        oid = self.reserve()
        self.set(oid, body)
        return oid

    def stream(self, data, extra=b"", allow_flate=True):
        if self.compress and allow_flate:
            data = zlib.compress(data, 9)
            extra += b" /Filter /FlateDecode"
        return self.add(b"<< /Length %d%s >>\nstream\n" % (len(data), extra)
                        + data + b"\nendstream")

    def serialize(self, root, info):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n" % (len(self.objs) + 1)
        out += b"0000000000 65535 f \n"
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
                % (len(self.objs) + 1, root, info, xref))
        return bytes(out)


def info_dict(pdf, meta):
    date = meta.get("date", "20141201")
    title = meta.get("title", "")
    return pdf.add(b"<< /Title " + pdf_string(title)
                   + b" /Producer (elo corpus generator)"
                   + b" /Creator " + pdf_string(meta.get("creator", "Microsoft Word 2010"))
                   + b" /CreationDate (D:%s090000+02'00') >>" % date.encode())


def render_pdf(meta, blocks):
    lay = Layout(meta)
    if meta.get("cover", "yes") == "yes" and meta.get("page") != "landscape":
        # title page as in a word-processor export: title, organisation, date
        lay.y = lay.H * 0.62
        for ln in lay.wrap(meta.get("title", ""), lay.W - lay.ml - lay.mr, 20, True):
            lay.put(0, ln, 20, True)
        lay.y -= 24
        for line in meta.get("cover_lines", "").split(" // "):
            if line.strip():
                lay.put(0, line.strip(), 12)
        d = meta.get("date", "")
        if len(d) == 8:
            lay.y -= 12
            lay.put(0, f"{int(d[6:8])}.{int(d[4:6])}.{d[:4]}", 12)
        lay.new_page()
    for b in blocks:
        lay.add(b)
    # drop trailing empty page
    while len(lay.pages) > 1 and not lay.pages[-1]:
        lay.pages.pop()
    pdf = PDF(meta.get("compress", "yes") == "yes")
    pages_id = pdf.reserve()
    f1 = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                 b"/Encoding /WinAnsiEncoding >>")
    f2 = pdf.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                 b"/Encoding /WinAnsiEncoding >>")
    kids = []
    n = len(lay.pages)
    header = meta.get("header", "")
    footer = meta.get("footer", "Sivu {page} / {pages}")
    for pno, lines in enumerate(lay.pages, 1):
        ops = []
        if header:
            ops.append(b"BT /F1 8 Tf %.2f %.2f Td %s Tj ET" %
                       (lay.ml, lay.H - 48, pdf_string(header)))
            ops.append(b"0.5 w %.2f %.2f m %.2f %.2f l S" %
                       (lay.ml, lay.H - 53, lay.W - lay.mr, lay.H - 53))
        ftxt = footer.format(page=pno, pages=n)
        fw = text_width(ftxt, 8)
        ops.append(b"BT /F1 8 Tf %.2f %.2f Td %s Tj ET" %
                   (lay.W - lay.mr - fw, 40.0, pdf_string(ftxt)))
        for ln in lines:
            font = b"/F2" if ln.bold else b"/F1"
            ops.append(b"BT %s %.1f Tf %.2f %.2f Td %s Tj ET" %
                       (font, ln.size, ln.x, ln.y, pdf_string(ln.text)))
        content = pdf.stream(b"\n".join(ops) + b"\n")
        kids.append(pdf.add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_id, lay.W, lay.H, f1, f2, content)))
    pdf.set(pages_id, b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    root = pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = info_dict(pdf, meta)
    return pdf.serialize(root, info), n


def jpeg_size(data):
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("bad JPEG")
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            comps = data[i + 9]
            return w, h, comps
        i += 2 + length
    raise ValueError("no SOF in JPEG")


def images_to_pdf(jpegs, meta):
    pdf = PDF(compress=False)
    pages_id = pdf.reserve()
    kids = []
    for data in jpegs:
        w, h, comps = jpeg_size(data)
        cs = b"/DeviceGray" if comps == 1 else b"/DeviceRGB"
        img = pdf.add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                      b"/ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode "
                      b"/Length %d >>\nstream\n" % (w, h, cs, len(data))
                      + data + b"\nendstream")
        pw, ph = w * 72.0 / 150, h * 72.0 / 150
        content = pdf.stream(b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (pw, ph),
                             allow_flate=False)
        kids.append(pdf.add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
            % (pages_id, pw, ph, img, content)))
    pdf.set(pages_id, b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    root = pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    meta = dict(meta, creator="Canon iR-ADV C5235 scanner")
    info = info_dict(pdf, meta)
    return pdf.serialize(root, info)


# --------------------------------------------------------------------------
# Plain text rendering
# --------------------------------------------------------------------------

def render_txt(meta, blocks):
    out = []
    title = meta.get("txt_title")
    if title:
        out += [title, ""]
    for b in blocks:
        if b.kind in ("pagebreak", "columns"):
            continue
        if b.kind == "h1":
            out += ["", b.text.upper() if meta.get("txt_upper") == "yes" else b.text, ""]
        elif b.kind == "h2":
            out += [b.text, ""]
        elif b.kind == "p":
            out += [b.text, ""]
        elif b.kind == "li":
            out.append("- " + b.text)
        elif b.kind == "li2":
            out.append("   * " + b.text)
        elif b.kind == "row":
            out.append("\t".join(b.cells))
    text = "\n".join(out).strip("\n") + "\n"
    text = re.sub(r"\n{3,}", "\n\n", text)
    eol = "\r\n" if meta.get("eol") == "crlf" else "\n"
    return text.replace("\n", eol).encode(meta.get("encoding", "utf-8"))


# --------------------------------------------------------------------------
# Gold labels from annotations
# --------------------------------------------------------------------------

SENT_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÄÖÅ0-9“”\"(])")


def choose_quote(text):
    if len(text) <= 200:
        q = text
        parts = SENT_END.split(text)
        if len(parts) > 1:
            acc = ""
            for p in parts:
                acc = (acc + " " + p).strip()
                if len(acc) >= 40:
                    return acc if len(acc) <= 200 else q
        return q
    parts = SENT_END.split(text)
    acc = ""
    for p in parts:
        cand = (acc + " " + p).strip()
        if len(cand) > 200:
            break
        acc = cand
        if len(acc) >= 60:
            return acc
    if len(acc) >= 20:
        return acc
    cut = text[:200]
    cut = cut[:cut.rfind(" ")]
    return cut.rstrip(",;:– ")


def annotations(meta, blocks, docname, errors):
    rows = []
    sets = meta.get("labelsets", " ".join(SETS_2014)).split()
    full = "\n".join(b.text for b in blocks if b.text)
    for b in blocks:
        if b.ann is None:
            continue
        ann = b.ann
        if b.kind == "row":
            continue          # table cells come out in varying order: not quotable
        if b.kind == "h1" and meta.get("txt_upper") == "yes":
            continue          # headings are upper-cased in that output
        if ann == "-" and len(b.text) < 20:
            continue          # short headings cannot be quoted (20 chars minimum)
        quote = None
        if "q=" in ann:
            ann, _, quote = ann.partition("q=")
            quote = quote.strip()
        toks = ann.split()
        labels, passing = [], []
        for t in toks:
            if t == "-":
                continue
            if t.startswith("~"):
                passing.append(t[1:])
                continue
            labels.append(t)
        for l in labels + passing:
            if l not in KNOWN_LABELS:
                errors.append(f"{docname}: unknown label {l}")
            elif l.split(".")[0] not in sets:
                errors.append(f"{docname}: label {l} outside sets {sets}")
        if quote is None:
            quote = choose_quote(b.text)
        if quote not in b.text:
            errors.append(f"{docname}: quote not in block: {quote!r}")
        if not (20 <= len(quote) <= 200):
            errors.append(f"{docname}: quote length {len(quote)}: {quote!r}")
        if full.count(quote) != 1:
            errors.append(f"{docname}: quote not unique: {quote!r}")
        rows.append({"document": docname, "quote": quote,
                     "labels": sorted(set(labels)), "sets": sets,
                     "_passing": passing})
    return rows


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def write_if_changed(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    with open(path, "wb") as f:
        f.write(data)
    return True


def scan_pdf(pdf_bytes, meta):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf_bytes)
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-jpeg",
                        "-jpegopt", "quality=55", src, os.path.join(td, "p")],
                       check=True)
        jpgs = []
        for name in sorted(os.listdir(td)):
            if name.startswith("p") and name.endswith(".jpg"):
                with open(os.path.join(td, name), "rb") as f:
                    jpgs.append(f.read())
    return images_to_pdf(jpgs, meta)


def encrypt_pdf(pdf_bytes, password, target):
    """Encrypt with qpdf (AES-256). qpdf output is not byte-reproducible, so
    an existing target is kept when its text (pdftotext with the password)
    equals the text of the fresh unencrypted rendering."""
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf_bytes)
        if os.path.exists(target):
            r1 = subprocess.run(["pdftotext", "-layout", "-upw", password, target, "-"],
                                capture_output=True)
            r2 = subprocess.run(["pdftotext", "-layout", src, "-"], capture_output=True)
            if r1.returncode == 0 and r2.returncode == 0 and r1.stdout == r2.stdout:
                return False
        out = os.path.join(td, "out.pdf")
        subprocess.run(["qpdf", "--static-id", "--encrypt", password,
                        password + "-owner", "256", "--", src, out], check=True)
        with open(out, "rb") as f:
            data = f.read()
    return write_if_changed(target, data)


def main(argv):
    check = "--check" in argv
    errors = []
    label_rows = []
    outputs = []
    produced = set()
    for dirpath, _, files in sorted(os.walk(SOURCES)):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(dirpath, name)
            meta, blocks = parse_source(path)
            for b in blocks:
                try:
                    b.text.encode("cp1252")
                except UnicodeEncodeError as e:
                    errors.append(f"{path}: not cp1252: {b.text[e.start:e.end]!r}")
            out_rel = meta["output"]
            outroot = OUTROOTS[meta.get("root", "inbox")]
            target = os.path.join(outroot, out_rel)
            docname = os.path.basename(out_rel)
            fmt = meta.get("format", "pdf")
            post = meta.get("post", "")
            if fmt == "txt":
                data = render_txt(meta, blocks)
                write_if_changed(target, data)
            else:
                data, npages = render_pdf(meta, blocks)
                if post == "scan":
                    data = scan_pdf(data, meta)
                    write_if_changed(target, data)
                elif post == "encrypt":
                    encrypt_pdf(data, meta["password"], target)
                    side = target + ".meta.yaml"
                    write_if_changed(side, (
                        f"region: {meta['region']}\nround: {meta['round']}\n"
                        f"type: {meta['type']}\npassword: {meta['password']}\n"
                    ).encode())
                    produced.add(side)
                elif post == "truncate":
                    data = data[: int(len(data) * 0.6)]
                    write_if_changed(target, data)
                else:
                    write_if_changed(target, data)
                meta["_pages"] = npages
            produced.add(target)
            if meta.get("duplicate"):
                dup = os.path.join(outroot, meta["duplicate"])
                with open(target, "rb") as f:
                    write_if_changed(dup, f.read())
                produced.add(dup)
            outputs.append((meta, target))
            if meta.get("labels", "yes") == "yes":
                rows = annotations(meta, blocks, docname, errors)
                for r in rows:
                    r["_region"] = meta.get("region", "")
                    r["_meta"] = meta
                label_rows += rows
    # stale generated files (sources removed or renamed)
    for root in OUTROOTS.values():
        for dirpath, _, files in os.walk(root):
            for name in files:
                p = os.path.join(dirpath, name)
                if p not in produced:
                    print("removing stale", os.path.relpath(p, ROOT))
                    os.remove(p)

    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit(1)

    # gold labels: 2014 round and elo2020 national documents
    dev = [r for r in label_rows if "elo2020" not in r["sets"]]
    nat = [r for r in label_rows if "elo2020" in r["sets"]]
    seed_rows = load_seed_labels(errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit(1)
    write_jsonl(os.path.join(LABELS_DIR, "corpus-dev.jsonl"), dev)
    write_jsonl(os.path.join(LABELS_DIR, "elo2020-dev.jsonl"), seed_rows + nat)
    key = answer_key(label_rows, outputs)
    write_if_changed(os.path.join(ROOT, "corpus", "answer-key.tsv"), key.encode())
    readme = os.path.join(ROOT, "corpus", "README.md")
    if os.path.exists(readme):
        update_readme(readme, key)
    print(f"documents: {len(outputs)}; corpus-dev lines: {len(dev)} "
          f"(negatives {sum(1 for r in dev if not r['labels'])}); "
          f"elo2020-dev lines: {len(seed_rows) + len(nat)}")
    if check:
        run_checks(outputs, dev + nat)


def write_jsonl(path, rows):
    lines = []
    for r in rows:
        lines.append(json.dumps({k: r[k] for k in ("document", "quote", "labels", "sets")},
                                ensure_ascii=False))
    write_if_changed(path, ("\n".join(lines) + "\n").encode("utf-8"))


def norm_ws(s):
    return " ".join(s.split())


def load_seed_labels(errors):
    """Hand-judged labels on seed 003, kept in scripts/corpus/seed003_labels.tsv
    (quote <TAB> labels). Quotes are checked against the seed when present."""
    path = os.path.join(os.path.dirname(__file__), "seed003_labels.tsv")
    rows = []
    seed = None
    raw = None
    if os.path.exists(SEED003):
        with open(SEED003, encoding="utf-8") as f:
            raw = f.read()
        seed = norm_ws(raw)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            quote, _, labels = line.partition("\t")
            labels = [l for l in labels.split() if l != "-"]
            for l in labels:
                if l not in KNOWN_LABELS or not l.startswith("elo2020."):
                    errors.append(f"seed003: bad label {l}")
            if not (20 <= len(quote) <= 200):
                errors.append(f"seed003: quote length {len(quote)}: {quote!r}")
            if seed is not None and seed.count(quote) != 1:
                errors.append(f"seed003: quote not found once in seed: {quote!r}")
            if raw is not None:
                pat = r"\s+".join(re.escape(w) for w in quote.split())
                m = re.search(pat, raw)
                if m and re.search(r"\n[ \t]*\n", m.group(0)):
                    errors.append(f"seed003: quote spans a blank line: {quote!r}")
            rows.append({"document": os.path.basename(SEED003), "quote": quote,
                         "labels": sorted(labels), "sets": ["elo2020"]})
    return rows


def answer_key(rows, outputs):
    """Per region and label: covered (at least one passage substantively
    addresses it), weak (only passing mentions, marked ~label), not-covered
    (nothing); computed over the region's
    assessable documents in their latest version."""
    superseded = {m.get("supersedes") for m, _ in outputs if m.get("supersedes")}
    order = [f"{s}.{l}" for s in SETS_2014 for l in ALL_LABELS[s]]
    by_region = {}
    for r in rows:
        m = r["_meta"]
        if "elo2020" in r["sets"]:
            continue
        docname = os.path.basename(m["output"])
        if docname in superseded:
            continue
        reg = by_region.setdefault(r["_region"], {})
        for l in r["labels"]:
            reg.setdefault(l, [0, 0])[0] += 1
        for l in r["_passing"]:
            reg.setdefault(l, [0, 0])[1] += 1
    lines = ["region\t" + "\t".join(order)]
    for region in sorted(by_region):
        reg = by_region[region]
        cells = []
        for l in order:
            pos, pas = reg.get(l, [0, 0])
            cells.append("covered" if pos >= 1 else "weak" if pas else "not-covered")
        lines.append(region + "\t" + "\t".join(cells))
    # version changes
    changes = []
    for m, _ in outputs:
        old = m.get("supersedes")
        if not old:
            continue
        new = os.path.basename(m["output"])
        def status(doc):
            cnt = {}
            for r in rows:
                if os.path.basename(r["_meta"]["output"]) == doc:
                    for l in r["labels"]:
                        cnt.setdefault(l, [0, 0])[0] += 1
                    for l in r["_passing"]:
                        cnt.setdefault(l, [0, 0])[1] += 1
            return {l: ("covered" if c[0] >= 1 else "weak" if c[1] else "not-covered")
                    for l, c in cnt.items()}
        a, b = status(old), status(new)
        for l in order:
            sa, sb = a.get(l, "not-covered"), b.get(l, "not-covered")
            if sa != sb:
                changes.append(f"# change\t{old} -> {new}\t{l}\t{sa} -> {sb}")
    return "\n".join(lines + changes) + "\n"


def update_readme(path, key):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start, end = "<!-- answer-key:start -->", "<!-- answer-key:end -->"
    if start not in text:
        return
    short = {"covered": "C", "weak": "w", "not-covered": "·"}
    lines = [l for l in key.splitlines() if not l.startswith("#")]
    head = lines[0].split("\t")
    md = ["| region | " + " | ".join(h.split(".", 1)[1] for h in head[1:]) + " |",
          "|---|" + "---|" * (len(head) - 1)]
    sets_row = "| *set* | " + " | ".join(h.split(".", 1)[0] for h in head[1:]) + " |"
    md.insert(2, sets_row)
    for l in lines[1:]:
        cells = l.split("\t")
        md.append("| " + cells[0] + " | " + " | ".join(short[c] for c in cells[1:]) + " |")
    ch = [l.split("\t") for l in key.splitlines() if l.startswith("# change")]
    md.append("")
    md.append("Changes between versions (v1 -> v2):")
    md.append("")
    for c in ch:
        md.append(f"- `{c[1]}`: {c[2]} {c[3]}")
    pre, _, rest = text.partition(start)
    _, _, post = rest.partition(end)
    new = pre + start + "\n" + "\n".join(md) + "\n" + end + post
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)


def run_checks(outputs, rows):
    bad = 0
    for meta, target in outputs:
        if not target.endswith(".pdf"):
            continue
        post = meta.get("post", "")
        cmd = ["pdftotext"]
        if post == "encrypt":
            r = subprocess.run(cmd + [target, "-"], capture_output=True)
            if r.returncode == 0:
                print("FAIL encrypted opens without password:", target); bad += 1
            cmd += ["-upw", meta["password"]]
        r = subprocess.run(cmd + [target, "-"], capture_output=True)
        txt = r.stdout.decode("utf-8", "replace")
        if post == "scan":
            ok = r.returncode == 0 and not txt.strip()
        elif post == "truncate":
            ok = r.returncode != 0 or len(txt) < 2000
        else:
            ok = r.returncode == 0 and ("ä" in txt or "ö" in txt or "å" in txt)
            hdr = meta.get("header", "")
            npg = meta.get("_pages", 0)
            feet = {meta.get("footer", "Sivu {page} / {pages}").format(page=i, pages=npg).strip()
                    for i in range(1, npg + 1)}
            body = "\n".join(l for l in txt.replace("\f", "\n").split("\n")
                             if l.strip() != hdr.strip() and l.strip() not in feet)
            norm = norm_ws(re.sub(r"-\n\s*", "", body))
            flat = norm_ws(body)
            doc = os.path.basename(target)
            for row in rows:
                if row["document"] == doc:
                    q = norm_ws(row["quote"])
                    squash = lambda t: re.sub(r"[-\s]", "", t)
                    if q not in flat and q not in norm and squash(q) not in squash(norm):
                        print("  quote not found in pdftotext output:", doc, q[:60])
        print(("ok  " if ok else "FAIL"), os.path.relpath(target, ROOT), post)
        bad += not ok
    if bad:
        raise SystemExit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
