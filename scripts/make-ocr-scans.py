#!/usr/bin/env python3
"""OCR test scans for measuring OCR's budget (README, "OCR within a budget"): image-only PDFs made from the
corpus's text PDFs with poppler-utils' pdftoppm, each page one Flate-compressed image and no text layer.

    scripts/make-ocr-scans.py OUT_DIR [PAGES]

writes OUT_DIR/many-page-scan.pdf (PAGES pages, default 60, at 300 dpi, greyscale, cycling through the corpus
PDFs), OUT_DIR/huge-page-scan.pdf (one 200 x 200 inch page at 150 dpi, 1-bit) and OUT_DIR/scan-2400dpi.pdf
(one A5 page at 2400 dpi, 1-bit: 14,000 x 19,800 pixels). ImageOnlyPDF (scripts/ocr-quality.sh) caps a page at
60 million pixels, which is why these are wrapped here.
"""
import glob, os, subprocess, sys, tempfile, zlib

def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next((int(l.split()[1]) for l in out.splitlines() if l.startswith("Pages:")), 0)  # 0: broken, encrypted

def render(pdf, page, dpi, mono, folder, scale_to=None):
    base = os.path.join(folder, "p")
    args = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    args += ["-mono"] if mono else ["-gray"]
    if scale_to: args += ["-scale-to-x", str(scale_to[0]), "-scale-to-y", str(scale_to[1])]
    subprocess.run(args + [pdf, base], check=True)
    path = base + (".pbm" if mono else ".pgm")
    with open(path, "rb") as f: data = f.read()
    os.remove(path)
    # P4/P5 header: magic, width, height[, maxval], then the raster.
    fields, i = [], 0
    while len(fields) < (3 if mono else 4):
        while data[i:i+1].isspace(): i += 1
        j = i
        while not data[j:j+1].isspace(): j += 1
        fields.append(data[i:j]); i = j
    return int(fields[1]), int(fields[2]), data[i+1:]

def write_pdf(path, images):
    """images: (width_pt, height_pt, px_w, px_h, bits, raster) per page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for (w, h, pw, ph, bits, raster) in images:
        image_id, content_id, page_id = len(objects) + 1, len(objects) + 2, len(objects) + 3
        decode = b" /Decode [1 0]" if bits == 1 else b""  # PBM: 1 is black
        stream = zlib.compress(raster, 6)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent %d%s /Filter /FlateDecode /Length %d >>\nstream\n" % (pw, ph, bits, decode, len(stream))
                       + stream + b"\nendstream")
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w, h)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (w, h, image_id, content_id))
        kids.append(page_id)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    with open(path, "wb") as f:
        f.write(b"%PDF-1.5\n%\xe2\xe3\n")
        offsets = []
        for n, body in enumerate(objects, 1):
            offsets.append(f.tell())
            f.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
        xref = f.tell()
        f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for o in offsets: f.write(b"%010d 00000 n \n" % o)
        f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))

def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    os.makedirs(out, exist_ok=True)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sources = [p for p in sorted(glob.glob(os.path.join(repo, "corpus/inbox/*/*.pdf"))) if "skannattu" not in p]
    sources = [(p, n) for p, n in ((p, pages_of(p)) for p in sources) if n > 0]
    with tempfile.TemporaryDirectory(prefix="elo-scans-") as tmp:
        pages, k = [], 0
        while len(pages) < count:
            pdf, n = sources[k % len(sources)]
            for page in range(1, n + 1):
                if len(pages) == count: break
                pw, ph, raster = render(pdf, page, 300, False, tmp)
                pages.append((pw * 72 / 300, ph * 72 / 300, pw, ph, 8, raster))
            k += 1
        write_pdf(os.path.join(out, "many-page-scan.pdf"), pages)
        first = sources[0][0]
        pw, ph, raster = render(first, 1, 150, True, tmp, scale_to=(30000, 30000))
        write_pdf(os.path.join(out, "huge-page-scan.pdf"), [(14400, 14400, pw, ph, 1, raster)])
        pw, ph, raster = render(first, 1, 1697, True, tmp)  # A4 at 1697 dpi = A5's pixels at 2400 dpi
        write_pdf(os.path.join(out, "scan-2400dpi.pdf"), [(420, 595, pw, ph, 1, raster)])

if __name__ == "__main__":
    main()
