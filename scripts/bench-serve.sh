#!/usr/bin/env bash
# Measures `passmeter serve` on loopback: builds it and scripts/loadgen,
# starts the server on a free port (breach check off: no network), sends
# strength check requests for at most DURATION (default 10s) and prints a
# Markdown table row: requests/s, p50 and p99 latency.
#   CONCURRENCY=32 REQUESTS=50000 DURATION=10s scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/passmeter" ./cmd/passmeter
go build -o "$tmp/loadgen" ./scripts/loadgen
"$tmp/passmeter" serve --addr 127.0.0.1:0 --no-breach-check 2>"$tmp/serve.log" &
pid=$!
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^passmeter: listening on \(http:.*\)$/\1/p' "$tmp/serve.log")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { echo "bench-serve: the server did not start:" >&2; cat "$tmp/serve.log" >&2; exit 1; }
"$tmp/loadgen" -header -url "$url/v1/passwords/strength_check" \
  -c "${CONCURRENCY:-32}" -n "${REQUESTS:-50000}" -d "${DURATION:-10s}" \
  -label "passmeter serve, loopback, ${CONCURRENCY:-32} connections, $(nproc) CPUs"
kill -TERM "$pid"
wait "$pid"
pid=""
