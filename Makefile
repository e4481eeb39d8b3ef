# Two set-up commands for a fresh Debian machine: `make run` and `make test`.
SWIFT ?= swift
ELO = .build/release/elo
CORPUS ?= corpus/inbox

.PHONY: deps build release run test bench-extract clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(SWIFT) build

release: deps
	@$(SWIFT) build -c release --product elo

## Main job on the sample corpus.
run: release
	@find $(CORPUS) -type f \( -name '*.pdf' -o -name '*.txt' \) -print0 | sort -z | xargs -0 $(ELO) extract

## All tests (reads ../shared where present; skips those tests with a message where not).
test: deps
	@$(SWIFT) build --build-tests
	@$(SWIFT) test --skip-build

## Extraction speed against pdftotext on the same PDFs, in one run.
bench-extract: release
	@bash scripts/bench-extract.sh

clean:
	rm -rf .build out
