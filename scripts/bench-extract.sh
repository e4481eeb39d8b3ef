#!/usr/bin/env bash
# Extraction speed: `elo extract --json` against `pdftotext` (poppler-utils) on the same PDFs, in one run.
# Builds nothing (`make bench-extract` builds the release binary first). The set, assembled in a temp dir:
#   - the real PDFs of ../shared/testdata/pdf/real (skipped with a note when absent),
#   - PDFs under corpus/inbox, when there are any,
#   - a generated text PDF of BENCH_PAGES pages (default 1000; scripts/make-bench-pdf.py, reproducible),
#   - one file that `qpdf --empty --pages` concatenates from all of the above, so long real-font documents
#     are measured too.
# Each tool runs ROUNDS times (default 5) alternating; the best round of each counts. Both wall-clock and
# CPU (user+sys) times are printed: elo extracts with several workers, pdftotext runs one file at a time,
# so the CPU ratio is the like-for-like one.
# ELO_BENCH_CMD overrides the command timed for elo (it gets the files as arguments).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
pages_wanted=${BENCH_PAGES:-1000}
rounds=${ROUNDS:-5}

command -v pdftotext >/dev/null || { echo "error: pdftotext missing (apt-get install poppler-utils)" >&2; exit 1; }
elo_cmd=(${ELO_BENCH_CMD:-"$repo/.build/release/elo" extract --json --ocr off})
if [ -z "${ELO_BENCH_CMD:-}" ]; then
  [ -x "${elo_cmd[0]}" ] || { echo "error: ${elo_cmd[0]} missing — run 'make bench-extract' (it builds it)" >&2; exit 1; }
  "${elo_cmd[0]}" extract --help >/dev/null 2>&1 ||
    { echo "error: this elo has no 'extract' command yet; set ELO_BENCH_CMD to time another extractor" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/elo-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

parts=()
shared="$repo/../shared/testdata/pdf/real"
if [ -d "$shared" ]; then
  for f in "$shared"/*.pdf; do cp "$f" "$work/real-$(basename "$f")"; parts+=("$work/real-$(basename "$f")"); done
else
  echo "note: $shared is absent; benchmarking without the real PDFs"
fi
if [ -d corpus/inbox ]; then
  n=0
  while IFS= read -r -d '' f; do
    n=$((n + 1)); cp "$f" "$work/corpus-$n.pdf"; parts+=("$work/corpus-$n.pdf")
  done < <(find corpus/inbox -type f -name '*.pdf' -print0 | sort -z)
  [ "$n" -gt 0 ] || echo "note: no PDFs under corpus/inbox yet"
fi
python3 scripts/make-bench-pdf.py "$work/generated.pdf" "$pages_wanted"
parts+=("$work/generated.pdf")

# Only intact, unencrypted PDFs go into the concatenation (the corpus has broken and encrypted ones on purpose;
# they are still measured as separate files).
intact=()
for f in "${parts[@]}"; do
  pdfinfo "$f" 2>/dev/null | grep -q '^Encrypted: *no' && intact+=("$f")
done
files=("${parts[@]}")
if command -v qpdf >/dev/null; then
  qpdf --empty --pages "${intact[@]}" -- "$work/concatenated.pdf" 2>/dev/null || true   # 3 = warnings only
  if [ -s "$work/concatenated.pdf" ] && pdfinfo "$work/concatenated.pdf" >/dev/null 2>&1; then
    files+=("$work/concatenated.pdf")
  else
    echo "note: qpdf could not concatenate the set; measuring the separate files only"
  fi
else
  echo "note: qpdf missing; measuring the separate files only"
fi

pages=0
for f in "${files[@]}"; do
  p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}') || p=0
  pages=$((pages + ${p:-0}))
done
echo "benchmark set: ${#files[@]} files, $pages pages, $(du -ch "${files[@]}" | tail -1 | cut -f1)"

# Prints "wall cpu" seconds for the command given.
measure() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<<"$t"
}
run_pdftotext() { for f in "${files[@]}"; do pdftotext -enc UTF-8 "$f" - || true; done; }
run_elo() { "${elo_cmd[@]}" "${files[@]}" || true; }

best_p_wall=; best_p_cpu=; best_e_wall=; best_e_cpu=; cpu_ratios=
for round in $(seq "$rounds"); do
  read -r w c < <(measure run_pdftotext)
  round_p_cpu=$c
  echo "round $round: pdftotext wall ${w}s cpu ${c}s"
  if [ -z "$best_p_wall" ] || awk "BEGIN{exit !($w < $best_p_wall)}"; then best_p_wall=$w; fi
  if [ -z "$best_p_cpu" ] || awk "BEGIN{exit !($c < $best_p_cpu)}"; then best_p_cpu=$c; fi
  read -r w c < <(measure run_elo)
  echo "round $round: elo       wall ${w}s cpu ${c}s"
  if [ -z "$best_e_wall" ] || awk "BEGIN{exit !($w < $best_e_wall)}"; then best_e_wall=$w; fi
  if [ -z "$best_e_cpu" ] || awk "BEGIN{exit !($c < $best_e_cpu)}"; then best_e_cpu=$c; fi
  cpu_ratios="$cpu_ratios $(awk "BEGIN{printf \"%.2f\", $c / $round_p_cpu}")"
done

awk -v pages="$pages" -v pw="$best_p_wall" -v pc="$best_p_cpu" -v ew="$best_e_wall" -v ec="$best_e_cpu" 'BEGIN {
  printf "pdftotext: %.2fs wall, %.2fs cpu, %.0f pages/s (wall)\n", pw, pc, pages / pw
  printf "elo:       %.2fs wall, %.2fs cpu, %.0f pages/s (wall)\n", ew, ec, pages / ew
  printf "ratio elo/pdftotext: %.2fx wall, %.2fx cpu (target <= 1.5x)\n", ew / pw, ec / pc
}'
echo "per-round CPU ratios (each elo round against the pdftotext round just before it):$cpu_ratios (median $(python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" $cpu_ratios))"
