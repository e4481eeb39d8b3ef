#!/usr/bin/env bash
# Installs the Debian packages elo needs, only those missing. Idempotent and quiet when all is there.
set -euo pipefail

packages=(
  libpoppler-glib-dev   # PDF text (poppler-glib)
  poppler-utils         # pdftotext, the benchmark peer; pdftoppm for fixtures
  libicu-dev            # normalisation, segmentation, charset detection
  libvoikko-dev voikko-fi  # Finnish morphology and spell-checking
  libstemmer-dev        # Snowball stemmers (Swedish)
  hunspell-sv-se libhunspell-1.7-0  # Swedish word list for line-break hyphens (loaded at run time)
  qpdf                  # encrypted PDF fixtures in tests
  tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe  # OCR of scanned PDFs (ocr: auto|force)
  tesseract-ocr-eng     # OCR quality run on the English scans in ../shared/testdata/pdf/scanned
  pkg-config
  libsqlite3-dev        # the index (GRDB)
  libssl-dev            # SHA-256 of documents (libcrypto)
  time                  # peak memory in the benchmarks (/usr/bin/time -v)
  libgoogle-perftools-dev  # tcmalloc, the allocator the elo binary is linked with
  liblinear-dev         # logistic regression for the learned layer (elo train)
  libxlsxwriter-dev     # the matrix and gaps workbook (coverage.xlsx)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
