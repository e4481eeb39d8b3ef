#!/usr/bin/env bash
# Renders the HTML reports with headless Chromium to PNG (screen, laptop width) and to PDF → PNG (print),
# so a person can look at what analysts will see. Usage: scripts/screenshots.sh [REPORT_DIR...]
# Default: the golden report pages from the tests, plus out/reports when `elo report` has written it.
# Needs the Debian package `chromium` (and pdftoppm from poppler-utils for the print previews).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "error: chromium not found — install it with: sudo apt-get install chromium" >&2; exit 1; }

dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  dirs=(Tests/EloReportsTests/Golden Tests/EloReportsTests/Golden/national)
  [ -d out/reports ] && dirs+=(out/reports)
fi

outdir=out/screenshots
mkdir -p "$outdir"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shoot() {  # shoot FILE NAME
  local file=$1 name=$2 url="file://$(realpath "$1")"
  # --no-sandbox: root in containers has no user namespaces; the pages run no scripts anyway.
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1366,900 --screenshot="$outdir/$name.png" "$url" >/dev/null 2>&1
  "$browser" --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$outdir/$name.pdf" "$url" >/dev/null 2>&1
  if command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 60 -f 1 -l 1 "$outdir/$name.pdf" "$outdir/$name-print"
  fi
  echo "$outdir/$name.png"
}

count=0
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || { echo "skip $dir (not a folder)"; continue; }
  prefix=$(echo "$dir" | tr '/' '_')
  for file in "$dir"/index.html "$dir"/regions/*.html "$dir"/goals/*.html; do
    [ -f "$file" ] || continue
    shoot "$file" "${prefix}_$(basename "$(dirname "$file")")_$(basename "$file" .html)"
    count=$((count + 1))
  done
done
echo "$count pages rendered into $outdir"
