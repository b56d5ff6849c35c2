#!/usr/bin/env bash
# Builds the WebAssembly module into web/dist: passmeter.wasm, Go's
# wasm_exec.js from the same toolchain, and .br/.gz siblings for servers
# that send precompressed files. Prints the sizes raw/gzip/brotli.
#
# The module is built small (issue 15; bytes are brotli -q 11, measured
# one step after the other on go1.26.8, BENCHMARKS.md has the table):
#   1. go build with GOEXPERIMENT=nogreenteagc (scripts/wasm-goenv.sh):
#      the pre-1.26 garbage collector is less code (-8.9 KB); and the
#      package runtime (that one package, not internal/runtime/... nor
#      any other) compiled without bounds checks, -gcflags=runtime=-B
#      (-8.8 KB: in Go's wasm every check is a compare, a call of
#      panicIndex and a resumption point, with its pclntab entries). The
#      runtime checks every user-facing index and length itself (makeslice,
#      growslice, unsafe.String, copy...); what -B drops are the
#      compiler's checks inside its own code, which catch only runtime
#      bugs, then a fatal error anyway. Our code and the rest of std keep
#      theirs, so a bad index in core still panics and is answered as an
#      error. And -ldflags=-buildid=: the build id, a hash of the inputs
#      that changes with any change to the code (an unused constant
#      too), moved the module's brotli size by up to 1 KB from one build
#      to the next; without it, two sizes compare the code;
#   2. binaryen's wasm-opt -O2 (scripts/wasm-opt, pinned): -6.2 KB. Its
#      output is cached by the hash of its input, so the several builds
#      of `make test` pay its 15-30 s once;
#   3. scripts/wasmshrink -strip -split-words: merges Go's ~28,000 data
#      segments into some 70 (the memory they leave is the same, byte for
#      byte; -36.0 KB) after removing the runtime metadata only tracebacks
#      read, function names, files and lines (-93.4 KB), and puts the word
#      lists' text last, with a plan first, so that the shim can start the
#      module while the text still downloads (README: "Starting before the
#      lists are in"). The strip refuses a Go release it was not checked on.
#
# PASSMETER_WASM_DEBUG=1 builds a module for debugging instead: no strip,
# no wasm-opt, the runtime's bounds checks kept, and the name section kept
# (-ldflags=-w only), so Go's
# tracebacks name functions, files and lines, and the browser's stack
# traces name functions. WASM_OPT overrides wasm-opt's flags ("" skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-goenv.sh

out=web/dist
mkdir -p "$out"
wasm="$out/passmeter.wasm"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v brotli >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null
  else
    echo "build-wasm: brotli missing and not root: apt-get install brotli" >&2
    exit 1
  fi
fi
br_size() { brotli -q 11 -c "$1" | wc -c; }

if [ -n "${PASSMETER_WASM_DEBUG:-}" ]; then
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-w" -o "$tmp/go.wasm" ./wasm
  GOEXPERIMENT="$PASSMETER_NATIVE_GOEXPERIMENT" go run ./scripts/wasmshrink -o "$tmp/out.wasm" "$tmp/go.wasm"
  echo "build-wasm: PASSMETER_WASM_DEBUG=1: not stripped, no wasm-opt"
else
  GOOS=js GOARCH=wasm go build -trimpath -gcflags=runtime=-B -ldflags="-s -w -buildid=" -o "$tmp/go.wasm" ./wasm
  opt_flags=${WASM_OPT--O2}
  src="$tmp/go.wasm"
  if [ -n "$opt_flags" ]; then
    # Go's wasm uses these post-MVP features; wasm-opt must be told.
    opt_args=($opt_flags --enable-bulk-memory --enable-sign-ext
      --enable-nontrapping-float-to-int --enable-mutable-globals)
    tool=scripts/wasm-opt/node_modules/.bin/wasm-opt
    [ -x "$tool" ] || scripts/setup.sh node >/dev/null
    version=$(grep -o '"binaryen": *"[^"]*"' scripts/wasm-opt/package.json)
    key=$( { sha256sum <"$tmp/go.wasm"; echo "$version ${opt_args[*]}"; } | sha256sum | cut -c1-32)
    cache="${PASSMETER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/passmeter}/wasm-opt"
    if [ -s "$cache/$key.wasm" ]; then
      echo "build-wasm: wasm-opt ${opt_flags}: input unchanged, cached output"
    else
      mkdir -p "$cache"
      start=$SECONDS
      "$tool" "${opt_args[@]}" "$tmp/go.wasm" -o "$tmp/opt.wasm"
      mv "$tmp/opt.wasm" "$cache/$key.wasm.tmp" && mv "$cache/$key.wasm.tmp" "$cache/$key.wasm"
      echo "build-wasm: wasm-opt ${opt_flags}: brotli $(br_size "$tmp/go.wasm") -> $(br_size "$cache/$key.wasm") bytes in $((SECONDS - start)) s"
    fi
    src="$cache/$key.wasm"
  fi
  GOEXPERIMENT="$PASSMETER_NATIVE_GOEXPERIMENT" go run ./scripts/wasmshrink -strip -split-words -o "$tmp/out.wasm" "$src"
fi
mv "$tmp/out.wasm" "$wasm"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm_exec.js"

brotli -q 11 -f -o "$wasm.br" "$wasm"
gzip -9 -n -c "$wasm" >"$wasm.gz"
printf 'build-wasm: %s raw %d, gzip -9 %d, brotli -q 11 %d bytes\n' \
  "$wasm" "$(wc -c <"$wasm")" "$(wc -c <"$wasm.gz")" "$(wc -c <"$wasm.br")"
