# connlog — the two commands a newcomer needs are `make run` and `make test`.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run build test e2e fuzz bench soak clean

## run: connlog on the built-in demo connector (no journald or files needed)
run: build
	./bin/connlog --demo

## build: bin/connlog with journald support (installs libsystemd-dev if missing)
build:
	@scripts/deps.sh run
	CGO_ENABLED=1 $(GO) build -ldflags "$(LDFLAGS)" -o bin/connlog ./cmd/connlog

# The tests build without the profile cmd/connlog/default.pgo: it changes how
# fast the code runs, never what it does, and a second compile of every
# package with it made a cold test build 80 s longer. e2e drives the binary
# as `make build` makes it, with the profile.
NOPGO := -pgo=off

## test: everything CI runs — vet, unit and fuzz-seed tests with the race detector (the
## remote-store tests against a VictoriaLogs server built once from its Go module and
## cached), the cgo-free build, the benchmark harness's own parsers, and the end-to-end
## tmux script
test:
	@scripts/deps.sh test
	$(GO) vet ./...
	bench/lib/parse_test.sh
	vl=$$(scripts/victorialogs.sh) && CONNLOG_VICTORIALOGS_BIN=$$vl CGO_ENABLED=1 $(GO) test $(NOPGO) -race -count=1 ./...
	CGO_ENABLED=0 $(GO) build $(NOPGO) ./...
	# Linux-only code stays behind build tags: the tree builds for other systems too.
	GOOS=darwin CGO_ENABLED=0 $(GO) build $(NOPGO) ./...
	CGO_ENABLED=0 $(GO) test $(NOPGO) -count=1 ./source/journalfile/ && CGO_ENABLED=0 $(GO) test $(NOPGO) -count=1 -run Journal ./source/
	$(MAKE) --no-print-directory e2e

## e2e: drive the real binary in tmux on the fixtures
e2e: build
	test/e2e/tui.sh ./bin/connlog
	test/e2e/export.sh ./bin/connlog
	test/e2e/earlier_day.sh ./bin/connlog

## fuzz: run every fuzzer of the tree, one at a time, for FUZZTIME each (default 30s); a crash fails
FUZZTIME ?= 30s
fuzz:
	@scripts/deps.sh test
	GO=$(GO) scripts/fuzz.sh $(FUZZTIME)

## bench: the comparison against lnav, grep, jq and journalctl (see bench/compare.sh)
bench:
	@scripts/deps.sh bench
	bench/compare.sh

## soak: 120 s of appending + rotation of every kind while `connlog export --follow` and the store read
soak:
	bench/soak.sh

clean:
	rm -rf bin
