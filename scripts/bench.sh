#!/usr/bin/env bash
# make bench: times passmeter's engine natively, zxcvbn@4.4.2 under Node
# and two other Go ports (trustelem/zxcvbn, nbutton23/zxcvbn-go) on the
# same passwords, and writes BENCHMARKS.md. Not part of make test.
# Then the browser part (scripts/bench-browser/): the .wasm's size and
# start-up, and passmeter, zxcvbn.js and zxcvbn-ts in headless Chromium; it
# fills BENCHMARKS.md's "WASM" and "Browser" sections.
#   BENCH_CAP=15 scripts/bench.sh    (cap in seconds per case, JS and peers)
#   BENCH_BROWSER_CAP=10             (cap in seconds per case in the browser)
#   BENCH_BROWSER=0                  (skip the browser part)
#   BENCH_SERVE=0                    (skip the server's requests per second)
#   BENCH_PWNED=0                    (skip the breach corpus store at scale,
#                                     scripts/bench-pwned.sh: 50 million hashes,
#                                     about 3 minutes and 3.5 GB of disk, freed after)
#   BENCH_ABUSE=0                    (skip the abuse scenarios; PASSMETER_FLOOD sizes the flood)
# Intermediate JSON goes to .bench/ (git-ignored). Takes about 6 minutes on
# 2 CPUs, and about 5 more for the browser part (which rebuilds web/dist
# first); at most one case per category and engine runs into the cap.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"
cap="${BENCH_CAP:-15}"
start=$(date +%s)
load=$(cut -d' ' -f1-3 /proc/loadavg)
out=.bench
mkdir -p "$out/bin"

# What the steps need: node, and zxcvbn@4.4.2 from scripts/bench/js's lockfile.
command -v node >/dev/null || scripts/setup.sh node
js=scripts/bench/js
if [ ! -d "$js/node_modules" ] || [ "$js/package-lock.json" -nt "$js/node_modules/.package-lock.json" ]; then
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
fi
browser="${BENCH_BROWSER:-1}"
bb=scripts/bench-browser
if [ "$browser" != 0 ]; then
  # web/node_modules (playwright-core, esbuild), Debian's chromium, and
  # zxcvbn@4.4.2 and @zxcvbn-ts/* from scripts/bench-browser's lockfile.
  scripts/setup.sh node chromium
  if [ ! -d "$bb/node_modules" ] || [ "$bb/package-lock.json" -nt "$bb/node_modules/.package-lock.json" ]; then
    (cd "$bb" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

echo "bench: building" >&2
go build -o "$out/bin/inputs" ./scripts/bench/inputs
go build -o "$out/bin/native" ./scripts/bench/native
go build -o "$out/bin/report" ./scripts/bench/report
(cd scripts/bench/peers && go build -o "../../../$out/bin/peers" .)

"$out/bin/inputs" -o "$out/inputs.json"
echo "bench: passmeter (native)" >&2
"$out/bin/native" -in "$out/inputs.json" -out "$out/native.json"
echo "bench: zxcvbn.js under Node (cap ${cap} s per case)" >&2
node "$js/bench.mjs" "$out/inputs.json" "$out/js.json" "$cap"
echo "bench: Go peers (cap ${cap} s per case)" >&2
"$out/bin/peers" -in "$out/inputs.json" -out "$out/peers.json" -cap "${cap}s"

if [ "$browser" != 0 ]; then
  echo "bench: building web/dist" >&2
  scripts/build.sh >&2
  "$out/bin/inputs" -typical 2000 -o "$out/browser-inputs.json"
  echo "bench: browser (headless Chromium; cap ${BENCH_BROWSER_CAP:-10} s per case)" >&2
  node "$bb/bench.mjs" --inputs "$out/browser-inputs.json" --out "$out/browser.json" --cap "${BENCH_BROWSER_CAP:-10}"
fi

"$out/bin/report" -dir "$out" -out BENCHMARKS.md -elapsed $(($(date +%s) - start)) -load "$load" -nproc "$(nproc)"
if [ "$browser" != 0 ]; then
  node "$bb/report.mjs" --in "$out/browser.json" --out BENCHMARKS.md
  echo "bench: passmeter/zxcvbn against zxcvbn.js in the browser" >&2
  node "$bb/dropin.mjs" "$out/browser-inputs.json" 5 | node scripts/bench/section.mjs BENCHMARKS.md "zxcvbn drop-in"
fi
if [ "${BENCH_SERVE:-1}" != 0 ]; then
  echo "bench: passmeter serve on loopback" >&2
  {
    echo 'Requests per second and latency of `passmeter serve` (breach check off) under'
    echo '`scripts/loadgen` on 127.0.0.1, both on the same machine; from `scripts/bench-serve.sh`.'
    echo
    scripts/bench-serve.sh
  } | node scripts/bench/section.mjs BENCHMARKS.md "Server"
fi
if [ "${BENCH_PWNED:-1}" != 0 ]; then
  echo "bench: breach corpus store at scale (scripts/bench-pwned.sh)" >&2
  # Into a file first: a failed run leaves the section as it was.
  scripts/bench-pwned.sh >"$out/pwned.md"
  node scripts/bench/section.mjs BENCHMARKS.md "Breach corpus" <"$out/pwned.md"
fi
if [ "${BENCH_ABUSE:-1}" != 0 ]; then
  echo "bench: abuse scenarios (worst requests, flood, drain, slow HIBP)" >&2
  scripts/bench-abuse.sh | node scripts/bench/section.mjs BENCHMARKS.md "Abuse"
fi
echo "bench: wrote BENCHMARKS.md in $(($(date +%s) - start)) s" >&2
