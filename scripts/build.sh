#!/usr/bin/env bash
# Builds the distributable in web/dist: the wasm module and Go's
# wasm_exec.js (scripts/build-wasm.sh), then the JavaScript package with
# esbuild (web/build.mjs): passmeter.js, passmeter.mjs,
# passmeter.browser.mjs, passmeter.worker.js, passmeter.d.ts, passmeter.css.
# PASSMETER_SKIP_WASM=1 keeps the wasm already in web/dist.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PASSMETER_SKIP_WASM:-}" ]; then
  if [ -x scripts/build-wasm.sh ]; then
    scripts/build-wasm.sh
  elif [ -f wasm/main.go ]; then
    mkdir -p web/dist
    GOOS=js GOARCH=wasm go build -trimpath -gcflags=runtime=-B -ldflags='-s -w' -o web/dist/passmeter.wasm ./wasm
    cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" web/dist/wasm_exec.js
  else
    echo "build: no scripts/build-wasm.sh nor wasm/main.go: cannot build the wasm" >&2
    exit 1
  fi
fi
for f in passmeter.wasm wasm_exec.js; do
  [ -s "web/dist/$f" ] || { echo "build: web/dist/$f is missing" >&2; exit 1; }
done

[ -x web/node_modules/.bin/esbuild ] || scripts/setup.sh node
node web/build.mjs
echo "build: web/dist ready"
