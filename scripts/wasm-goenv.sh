# Sourced by scripts/build-wasm.sh and scripts/test-wasm.sh: the Go
# settings the WebAssembly module is built with, so that the tests run in
# Chromium build the runtime the shipped module has.
#
# nogreenteagc: Go 1.26's default collector (Green Tea) is more code than
# the one before it, and a page's small heap does not gain from it: 8.9 KB
# of the module's brotli size (5.4 KB once wasm-opt and the strip ran).
# PASSMETER_NATIVE_GOEXPERIMENT keeps the caller's setting for the tools
# built for this machine (scripts/wasmshrink), which so need no second
# build of the standard library.
export PASSMETER_NATIVE_GOEXPERIMENT="${PASSMETER_NATIVE_GOEXPERIMENT-${GOEXPERIMENT:-}}"
case ",${GOEXPERIMENT:-}," in
*,nogreenteagc,*) ;;
*) export GOEXPERIMENT="${GOEXPERIMENT:+$GOEXPERIMENT,}nogreenteagc" ;;
esac
