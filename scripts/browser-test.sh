#!/usr/bin/env bash
# Browser test of the HTML reports (run by `make test` after the Swift tests): ingests the sample corpus into a
# temporary output (with Pohjanmaa's pages set to Swedish), then Tests/browser/test_reports.py opens the pages
# static (file://) and served (`elo serve` on a free port) in headless Chromium at 1280 and 390 px and checks the
# sticky region column, the filters, the links to document pages and axe-core (WCAG 2.0/2.1 A and AA).
# Installs what it needs when missing — Debian: chromium chromium-driver python3-venv; PyPI, into a venv under
# .build/: selenium axe-selenium-python — and SKIPS (exit 0, with a message) when that is impossible.
# Usage: scripts/browser-test.sh [--screenshots DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

skip() { echo "browser test SKIPPED: $*"; exit 0; }

packages=(chromium chromium-driver python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing system packages for the browser test: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || skip "need root or sudo to install ${missing[*]}"
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
    || skip "could not install ${missing[*]} (no network or no package source?)"
fi

venv=.build/browser-venv
if ! "$venv/bin/python" -c 'import selenium, axe_selenium_python' 2>/dev/null; then
  echo "Installing selenium and axe-selenium-python into $venv"
  python3 -m venv "$venv" || skip "python3 -m venv failed"
  "$venv/bin/pip" install -q --disable-pip-version-check selenium axe-selenium-python \
    || skip "pip could not install selenium and axe-selenium-python (no network?)"
fi

elo=""
for candidate in .build/debug/elo .build/release/elo; do
  [ -x "$candidate" ] && { elo=$(realpath "$candidate"); break; }
done
[ -n "$elo" ] || { echo "error: no elo binary — run swift build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r pipelines "$work/pipelines"
printf '\nlanguage: sv\n' >> "$work/pipelines/regions/pohjanmaa.yaml"   # a region whose pages are in Swedish
set +e
NO_COLOR=1 "$elo" ingest --pipeline "$work/pipelines/elo-2014.yaml" --inbox "$PWD/corpus/inbox" --output "$work/out" >"$work/ingest.log" 2>&1
status=$?
set -e
if [ $status -ne 0 ] && [ $status -ne 2 ]; then
  cat "$work/ingest.log" >&2
  echo "error: elo ingest of the sample corpus failed with status $status" >&2
  exit 1
fi

"$venv/bin/python" Tests/browser/test_reports.py --elo "$elo" --pipeline "$work/pipelines/elo-2014.yaml" \
  --output "$work/out" --reports "$work/out/reports" \
  --chromium "$(command -v chromium)" --driver "$(command -v chromedriver || echo /usr/bin/chromedriver)" "$@"
