#!/usr/bin/env bash
# make bench: elo ingest against pdftotext on the same generated PDFs with the same parallelism, in one run.
# Prints: first-ingest time vs pdftotext (ratio), no-change re-run (% of first), pages/s, peak memory of the
# ingest process and of one long-lived worker (as the workers report it).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${BENCH_FILES:-300}
PAGES=${BENCH_PAGES:-10}
JOBS=${BENCH_JOBS:-$(nproc)}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/elo-bench.XXXXXX)}
ELO=${ELO:-.build/release/elo}
# Real office PDFs from ../shared when present, else the sample corpus's own PDFs.
if [ -d ../shared/testdata/pdf/real ]; then default_sources=../shared/testdata/pdf/real; else default_sources=corpus/inbox/uusimaa; fi
SOURCES=${BENCH_SOURCES:-$default_sources}

[ -x "$ELO" ] || swift build -c release --product elo
command -v qpdf >/dev/null && command -v pdftotext >/dev/null || { echo "bench: needs qpdf and pdftotext" >&2; exit 1; }
mapfile -t SRC < <(ls "$SOURCES"/*.pdf 2>/dev/null || true)
if [ ${#SRC[@]} -eq 0 ]; then echo "bench: no source PDFs in $SOURCES (set BENCH_SOURCES)" >&2; exit 1; fi

rm -rf "$WORK/inbox" "$WORK/out"; mkdir -p "$WORK/inbox/bench" "$WORK/pipelines/regions"
echo "generating $FILES PDFs of $PAGES pages from ${#SRC[@]} source PDFs…"
for i in $(seq 1 "$FILES"); do
  args=(); have=0; k=$i
  while [ $have -lt "$PAGES" ]; do
    src=${SRC[$((k % ${#SRC[@]}))]}; n=$(qpdf --show-npages "$src")
    take=$(( PAGES - have < n ? PAGES - have : n )); start=$(( (k * 7) % (n - take + 1) + 1 ))
    args+=("$src" "$start-$((start + take - 1))"); have=$((have + take)); k=$((k + 1))
  done
  qpdf --empty --pages "${args[@]}" -- "$WORK/inbox/bench/doc-$i.pdf"
done
TOTAL_PAGES=$(for f in "$WORK"/inbox/bench/*.pdf; do qpdf --show-npages "$f"; done | paste -sd+ | python3 -c 'import sys; print(eval(sys.stdin.read()))')
# The main job's pipeline (label sets, lexicon, thresholds, coverage, OCR, limits: classification and reports are
# part of what is timed), with the bench's inbox, output and parallelism. BENCH_PIPELINE picks another one.
PIPELINE=${BENCH_PIPELINE:-pipelines/elo-2014.yaml}
rm -rf "$WORK/pipelines/labels" "$WORK/pipelines/models"; cp -r "$(dirname "$PIPELINE")/labels" "$WORK/pipelines/labels"
# the learned layer's model files (`model:`), so that classification is timed with the model on
[ -d "$(dirname "$PIPELINE")/models" ] && cp -r "$(dirname "$PIPELINE")/models" "$WORK/pipelines/models"
# Without `topic:`: the generated PDFs are cut from grant guides, which the topic rule would leave unlabelled,
# and the bench must time classification as it runs on a region's plan.
{ grep -vE '^(inbox|output|workers):' "$PIPELINE" | awk '/^topic:/ {skip = 1; next} skip && /^ / {next} {skip = 0; print}'
  printf 'inbox: ../inbox\noutput: ../out\nworkers: %s\n' "$JOBS"; } > "$WORK/pipelines/bench.yaml"
printf 'id: bench\nname_fi: Testimaa\nname_sv: Testland\nelo_groups: []\naliases: []\n' > "$WORK/pipelines/regions/bench.yaml"

now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
# ROUNDS first ingests (default 5, each into an empty output folder) alternate with pdftotext runs; the best
# of each counts, in wall-clock time (the target) and in CPU time of the whole process tree (less
# sensitive to whatever else the machine is doing).
ROUNDS=${ROUNDS:-5}
cpu_of() { awk '{printf "%.2f", $1 + $2}' "$1"; }
PDFTOTEXT=; FIRST=; PDFTOTEXT_CPU=; FIRST_CPU=; WALL_RATIOS=; CPU_RATIOS=
for round in $(seq "$ROUNDS"); do
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/time-pdftotext.txt" bash -c \
    'find "$1/inbox" -name "*.pdf" -print0 | xargs -0 -P "$2" -I{} pdftotext -q {} /dev/null' _ "$WORK" "$JOBS"
  t1=$(now); p=$(calc "$t1 - $t0"); pc=$(cpu_of "$WORK/time-pdftotext.txt")
  rm -rf "$WORK/out"
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$WORK/time-elo.txt" /usr/bin/time -v -o "$WORK/time-first.txt" \
    "$ELO" ingest --pipeline "$WORK/pipelines/bench.yaml" --json > "$WORK/first.json" || true
  t1=$(now); e=$(calc "$t1 - $t0"); ec=$(cpu_of "$WORK/time-elo.txt")
  printf '  round %s: pdftotext %.2f s (cpu %.2f s), elo ingest %.2f s (cpu %.2f s)\n' "$round" "$p" "$pc" "$e" "$ec"
  WALL_RATIOS="$WALL_RATIOS $(calc "round($e / $p, 2)")"; CPU_RATIOS="$CPU_RATIOS $(calc "round($ec / $pc, 2)")"
  if [ -z "$PDFTOTEXT" ] || [ "$(calc "$p < $PDFTOTEXT")" = True ]; then PDFTOTEXT=$p; fi
  if [ -z "$FIRST" ] || [ "$(calc "$e < $FIRST")" = True ]; then FIRST=$e; fi
  if [ -z "$PDFTOTEXT_CPU" ] || [ "$(calc "$pc < $PDFTOTEXT_CPU")" = True ]; then PDFTOTEXT_CPU=$pc; fi
  if [ -z "$FIRST_CPU" ] || [ "$(calc "$ec < $FIRST_CPU")" = True ]; then FIRST_CPU=$ec; fi
done
t0=$(now); "$ELO" ingest --pipeline "$WORK/pipelines/bench.yaml" --json > "$WORK/second.json" || true; t1=$(now)
SECOND=$(calc "$t1 - $t0")

summary() { python3 -c "import json;print(json.load(open('$WORK/first.json')).get('$1','?'))" 2>/dev/null || echo "?"; }
PARENT_MB=$(python3 -c "import json;print(round(json.load(open('$WORK/first.json'))['peakMemoryMB'],1))" 2>/dev/null || echo "?")
WORKER_MB=$(python3 -c "import json;print(round(json.load(open('$WORK/first.json'))['workerPeakMemoryMB'],1))" 2>/dev/null || echo "?")
WORKERS=$(summary workersStarted)
INGESTED=$(summary newDocuments)
TREE_MB=$(awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}' "$WORK/time-first.txt")

printf '\nelo bench: %s PDFs, %s pages, %s parallel\n' "$FILES" "$TOTAL_PAGES" "$JOBS"
printf '  pdftotext            %8.2f s   (best of %s rounds, as below)\n' "$PDFTOTEXT" "$ROUNDS"
printf '  elo ingest (first)   %8.2f s   ratio %.2f× pdftotext (target ≤ 1.5×)   %.1f pages/s\n' "$FIRST" "$(calc "$FIRST / $PDFTOTEXT")" "$(calc "$TOTAL_PAGES / $FIRST")"
printf '  CPU time (all processes): pdftotext %.2f s, elo ingest %.2f s, ratio %.2f×\n' "$PDFTOTEXT_CPU" "$FIRST_CPU" "$(calc "$FIRST_CPU / $PDFTOTEXT_CPU")"
median() { python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" $1; }
printf '  per-round ratios (each elo round against the pdftotext round just before it): wall%s (median %s), CPU%s (median %s)\n' \
  "$WALL_RATIOS" "$(median "$WALL_RATIOS")" "$CPU_RATIOS" "$(median "$CPU_RATIOS")"
printf '  elo ingest (no change) %6.2f s   %.1f%% of first (target < 5%%)\n' "$SECOND" "$(calc "100 * $SECOND / $FIRST")"
printf '  documents ingested %s, worker processes started %s\n' "$INGESTED" "$WORKERS"
INDEXED=$(python3 -c "import sqlite3; d = sqlite3.connect('$WORK/out/index.sqlite'); print('%d passages, %d labels' % (d.execute('SELECT COUNT(*) FROM passages').fetchone()[0], d.execute('SELECT COUNT(*) FROM labels').fetchone()[0]))" 2>/dev/null || echo "?")
printf '  indexed %s (label sets of %s)\n' "$INDEXED" "$PIPELINE"
printf '  peak memory: ingest process %s MB, one worker (over all its documents) %s MB, largest of process tree %s MB\n' "$PARENT_MB" "$WORKER_MB" "$TREE_MB"
echo "  work folder: $WORK"

# OCR beside the text layer: the first OCR_PAGES pages of the generated PDFs, rendered at 300 dpi and
# recognised (fin+swe) with --ocr force, one document at a time.
OCR_PAGES=${OCR_PAGES:-4}
if command -v tesseract >/dev/null 2>&1; then
  ocr_pdf=$(find "$WORK/inbox" -name '*.pdf' | sort | sed -n 1p)  # not head: with pipefail, sort may die of SIGPIPE
  qpdf --empty --pages "$ocr_pdf" "1-$OCR_PAGES" -- "$WORK/ocr-sample.pdf"
  t0=$(now); "$ELO" extract --json --jobs 1 --ocr force "$WORK/ocr-sample.pdf" > /dev/null || true; t1=$(now)
  OCR=$(calc "$t1 - $t0")
  printf '  OCR (--ocr force)    %8.2f s   %.2f pages/s on %s pages (text layer: %.1f pages/s)\n' \
    "$OCR" "$(calc "$OCR_PAGES / $OCR")" "$OCR_PAGES" "$(calc "$TOTAL_PAGES / $FIRST")"
else
  echo "  OCR: tesseract not installed — skipped (apt-get install tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe)"
fi
