#!/usr/bin/env bash
# Tests the WebAssembly module: the Go tests of wasm/ in headless Chromium
# (wasmbrowsertest), then the built web/dist module under Node 20 against
# the native command (wasm/node_test.mjs). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"
. scripts/wasm-goenv.sh

scripts/setup.sh chromium wasmbrowsertest
command -v node >/dev/null || scripts/setup.sh node

echo "test-wasm: go vet and gofmt (GOOS=js GOARCH=wasm)"
GOOS=js GOARCH=wasm go vet ./wasm/...
unformatted=$(gofmt -l wasm)
[ -z "$unformatted" ] || { echo "gofmt needed: $unformatted" >&2; exit 1; }

echo "test-wasm: go test in headless Chromium"
# wasmbrowsertest passes Chromium's log through; these lines are harmless.
# The runtime is compiled as scripts/build-wasm.sh compiles it (-B).
set +e
GOOS=js GOARCH=wasm go test -count=1 -gcflags=runtime=-B -exec wasmbrowsertest ./wasm/... "$@" 2>&1 |
  grep -v 'unknown IPAddressSpace value'
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || { echo "test-wasm: go test failed" >&2; exit "$status"; }

echo "test-wasm: build web/dist and test it under Node $(node --version)"
scripts/build-wasm.sh
node --test wasm/node_test.mjs
