# Two set-up commands for a fresh Debian machine: `make run` and `make test`.
SWIFT ?= swift
ELO = .build/release/elo

.PHONY: deps build release run first-minute test lint browser-test bench bench-extract bench-ocr screenshots clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(SWIFT) build

release: deps
	@$(SWIFT) build -c release --product elo

## Main job on the sample corpus: the nightly ingest over corpus/inbox into out/.
run: release
	@$(ELO) ingest --pipeline pipelines/elo-2014.yaml; \
	status=$$?; [ $$status -eq 0 ] || [ $$status -eq 2 ] || exit $$status; \
	$(MAKE) --no-print-directory first-minute

## What to open and try after `make run`.
first-minute:
	@echo ""
	@echo "Reports: out/reports/index.html (suomeksi), out/reports/index-sv.html (på svenska),"
	@echo "         out/reports/coverage.xlsx and coverage.csv for spreadsheets."
	@echo "Open:    xdg-open out/reports/index.html   (or open file://$(CURDIR)/out/reports/index.html in a browser)"
	@echo "Next:    $(ELO) gaps --pipeline pipelines/elo-2014.yaml --region lappi"
	@echo "         $(ELO) search --pipeline pipelines/elo-2014.yaml ohjaamo"
	@echo "         $(ELO) report --pipeline pipelines/elo-2014.yaml --lang sv"
	@echo "         $(ELO) changes --pipeline pipelines/elo-2014.yaml --region pirkanmaa"
	@echo "         $(ELO) serve --pipeline pipelines/elo-2014.yaml   (then open http://127.0.0.1:8080/)"

## Ingest benchmark against pdftotext with the same parallelism.
bench: release
	@bash scripts/bench.sh

## All tests (reads ../shared where present; skips those tests with a message where not), then the browser test.
test: deps lint
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build
	@bash scripts/browser-test.sh

## The tree formatted as .swift-format says (4 spaces, lines up to 120); `swift format -i -r Sources Tests` fixes it.
lint:
	@$(SWIFT) format lint --strict -r Sources Tests

## The reports in headless Chromium, static and served, at 1280 and 390 px, with axe-core (skips when no browser
## can be installed). BROWSER_SCREENSHOTS=DIR keeps a PNG of every page.
browser-test:
	@bash scripts/browser-test.sh $(if $(BROWSER_SCREENSHOTS),--screenshots $(BROWSER_SCREENSHOTS))

## Extraction speed against pdftotext on the same PDFs, in one run.
bench-extract: release
	@bash scripts/bench-extract.sh

## OCR: character accuracy against the text layer, labels kept, pages per second (slow: Tesseract).
bench-ocr: release
	@bash scripts/ocr-quality.sh

## Render the HTML reports (golden pages and out/reports) with headless Chromium to PNG, screen and print.
screenshots:
	@bash scripts/screenshots.sh

clean:
	rm -rf .build out
