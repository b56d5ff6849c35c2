# passmeter: `make demo` builds and serves the demo, `make test` runs every
# test; both install what they are missing (scripts/setup.sh).
GO ?= go
export PATH := $(PATH):$(shell $(GO) env GOPATH)/bin

.PHONY: all build demo test test-go test-data test-wasm test-web bench data i18n breach fuzz

all: build

build:
	@scripts/build.sh

demo: build
	@scripts/demo.sh

test: test-go test-data test-wasm test-web

test-go:
	@scripts/setup.sh node race # scripts/wasmshrink's tests run the module under Node; -race needs cgo's C compiler
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) test ./...
	$(GO) test -race -run 'TestConcurrent|TestPrefetch' ./core/pwned/
	$(GO) test -race ./core/hibp/ ./cmd/...

test-data:
	@scripts/setup.sh node
	@scripts/check-data.sh
	@scripts/check-i18n.sh
	@scripts/check-breach.sh

test-wasm:
	@scripts/test-wasm.sh

test-web:
	@scripts/test-web.sh

# Regenerates web/src/breach.js from core's breach rule and core/hibp.
breach:
	$(GO) run ./scripts/gen-breach

# Regenerates web/src's feedback texts and code types: English and the
# codes from core/zxcvbn, the other locales from zxcvbn-ts.
i18n:
	@scripts/setup.sh node
	$(GO) run ./scripts/gen-i18n
	node scripts/gen-i18n/zxcvbn-ts/import.mjs

# Regenerates core/zxcvbn/data from zxcvbn@4.4.2.
data:
	@scripts/setup.sh node
	node scripts/gen-data/gen-data.mjs

# Runs each fuzz target for FUZZTIME (default 60s).
FUZZTIME ?= 60s
fuzz:
	@for t in $$($(GO) test -list '^Fuzz' ./core/... | grep '^Fuzz'); do \
	  pkg=$$(grep -rl "func $$t(" --include='*_test.go' core | head -1 | xargs dirname); \
	  echo "fuzz $$t in $$pkg"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; \
	done

bench:
	@scripts/bench.sh
