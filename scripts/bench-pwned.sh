#!/usr/bin/env bash
# The breach corpus store at scale (part of make bench; BENCH_PWNED=0
# skips it): generates a sorted SHA1:COUNT corpus of BENCH_PWNED_N hashes
# (default 50,000,000) in Go, imports it with `passmeter pwned import`,
# times lookups warm and cold (scripts/bench/pwned), serves it with
# `passmeter serve --pwned` and loads GET /range/{prefix} from 50
# connections with scripts/loadgen, and does the same at HIBP's own
# density (about 1,900 hashes a prefix) on a sample of 1,024 prefixes.
# Prints the BENCHMARKS.md section on stdout; deletes everything it made.
# Needs about 70 bytes of disk a hash (3.5 GB for 50 million).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${BENCH_PWNED_N:-50000000}"
conc="${BENCH_PWNED_CONCURRENCY:-50}"
dur="${BENCH_PWNED_DURATION:-10s}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/passmeter-bench-pwned.XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

need=$((n * 70 / 1024))
avail=$(df -Pk "$tmp" | awk 'NR==2 {print $4}')
if [ "$avail" -lt "$need" ]; then
  echo "bench-pwned: $tmp has $((avail / 1024)) MiB free, $((need / 1024)) MiB needed" >&2
  exit 1
fi

go build -o "$tmp/passmeter" ./cmd/passmeter
go build -o "$tmp/loadgen" ./scripts/loadgen
go build -o "$tmp/bench" ./scripts/bench/pwned

# serve_range STORE PREFIXES PADDING LABEL: one loadgen row.
serve_range() {
  runs=$((${runs:-0} + 1))
  log="$tmp/serve-$runs.log"
  : >"$log"
  "$tmp/passmeter" serve --addr 127.0.0.1:0 --pwned "$1" 2>"$log" &
  pid=$!
  url=""
  for _ in $(seq 200); do
    url=$(sed -n 's/^passmeter: listening on \(http:.*\)$/\1/p' "$log")
    [ -n "$url" ] && break
    sleep 0.05
  done
  [ -n "$url" ] || { echo "bench-pwned: the server did not start:" >&2; cat "$log" >&2; exit 1; }
  pad=()
  [ "$3" = 1 ] && pad=(-padding)
  "$tmp/loadgen" -range -url "$url/range" -prefixes "$2" "${pad[@]}" -c "$conc" -n 2000000 -d "$dur" -warmup 2000 -label "$4" >>"$tmp/rows"
  # The server's memory after the load: all of it, and the part that is
  # its own (the rest is the store's pages, shared with the page cache).
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  anon=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status")
  echo "| $4 | $((rss / 1024)) MiB | $((anon / 1024)) MiB |" >>"$tmp/mem"
  kill -TERM "$pid"
  wait "$pid" || true
  pid=""
}

commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

echo "bench-pwned: generating $n hashes" >&2
t0=$(date +%s.%N)
"$tmp/bench" gen -n "$n" -o "$tmp/corpus.txt" 2>"$tmp/gen.log"
gen_s=$(echo "$(date +%s.%N) - $t0" | bc)
lines=$(sed -n 's/^pwned gen: \([0-9]*\) hashes.*/\1/p' "$tmp/gen.log")
text=$(stat -c %s "$tmp/corpus.txt")

echo "bench-pwned: importing" >&2
/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$tmp/passmeter" pwned import --from "$tmp/corpus.txt" --to "$tmp/store.pwned" 2>"$tmp/import.log"
read -r wall maxrss usr sys <"$tmp/time"
store=$(stat -c %s "$tmp/store.pwned")
syncs=$(sed -n 's/.*of which \(.*\) syncing.* and \(.*\) checking it/\1 sync, \2 check/p' "$tmp/import.log")
rm "$tmp/corpus.txt"

echo "bench-pwned: lookups" >&2
"$tmp/bench" lookups -store "$tmp/store.pwned" -warm 1000000 -cold 300 -label "$(commas "$lines") hashes, 1,048,576 prefixes" >"$tmp/lookups"

echo "bench-pwned: serve --pwned" >&2
: >"$tmp/rows"
: >"$tmp/mem"
serve_range "$tmp/store.pwned" 1048576 0 "$(commas "$lines") hashes, unpadded"
serve_range "$tmp/store.pwned" 1048576 1 "$(commas "$lines") hashes, Add-Padding: true"
rm "$tmp/store.pwned"

echo "bench-pwned: HIBP's density on 1,024 prefixes" >&2
dense=$((1024 * 1907))
"$tmp/bench" gen -n "$dense" -buckets 1024 -o "$tmp/dense.txt" 2>"$tmp/gen.log"
dlines=$(sed -n 's/^pwned gen: \([0-9]*\) hashes.*/\1/p' "$tmp/gen.log")
"$tmp/passmeter" pwned import --from "$tmp/dense.txt" --to "$tmp/dense.pwned" 2>/dev/null
dstore=$(stat -c %s "$tmp/dense.pwned")
"$tmp/bench" lookups -store "$tmp/dense.pwned" -buckets 1024 -warm 300000 -cold 300 -label "$(commas "$dlines") hashes, 1,024 prefixes (HIBP's density)" >>"$tmp/lookups"
serve_range "$tmp/dense.pwned" 1024 1 "HIBP's density (1,907 a prefix), Add-Padding: true"
echo "bench-pwned: export at HIBP's density" >&2
t0=$(date +%s.%N)
"$tmp/passmeter" pwned export --from "$tmp/dense.pwned" --to "$tmp/export" --prefixes 00000-003FF --gzip --brotli 2>/dev/null
export_s=$(echo "$(date +%s.%N) - $t0" | bc)
export_kb=$(du -sk "$tmp/export" | cut -f1)
gz_kb=$(du -ck "$tmp"/export/*.gz | tail -1 | cut -f1)
rm -rf "$tmp/export" "$tmp/dense.pwned" "$tmp/dense.txt"

awk -v n="$lines" -v text="$text" -v store="$store" -v wall="$wall" -v usr="$usr" -v sys="$sys" -v maxrss="$maxrss" \
   -v gen="$gen_s" -v syncs="$syncs" -v dn="$dlines" -v dstore="$dstore" -v nproc="$(nproc)" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
  -v export_s="$export_s" -v export_kb="$export_kb" -v gz_kb="$gz_kb" -v when="$(date -u +%Y-%m-%dT%H:%MZ)" '
function f(x) { return sprintf("%.2f", x) }
function commas(x,   s) { s = sprintf("%d", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
BEGIN {
  idx = 8 * 1048577
  print "From `scripts/bench-pwned.sh` (a step of `make bench`; `BENCH_PWNED=0` skips it), " when ", " nproc " CPUs, the machine shared (load average " load " at the end)."
  print "The corpus is generated (random SHA-1s, sorted, counts drawn from a Pareto law with P(count >= k) = 1/k; HIBP does not publish its own distribution) and deleted afterwards."
  print ""
  print "| corpus | text | store | bytes a hash (text / store) | import | rate | peak RSS (with the store mapped by the final check) |"
  print "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf "| %s hashes | %.0f MB | %.0f MB | %s / %s | %.1f s (%s; CPU %.1f s user, %.1f s sys) | %.2f M lines/s | %.0f MiB |\n", \
    commas(n), text / 1e6, store / 1e6, f(text / n), f(store / n), wall, syncs, usr, sys, n / wall / 1e6, maxrss / 1024
  printf "\nThe corpus was written in %.1f s by `scripts/bench/pwned gen`. Of the store, %.2f bytes a hash are the 8 MiB prefix index, the same at any size; the buckets take %s.\n", gen, idx / n, f((store - idx) / n)
  printf "At HIBP'"'"'s density (about 1,907 hashes a prefix, %s hashes on 1,024 prefixes) the buckets take %s bytes a hash: Elias–Fano leaves more bits implicit in fuller buckets.\n", commas(dn), f((dstore - idx) / dn)
  full = 2e9; dense = (dstore - idx) / dn
  print ""
  print "**The full corpus, estimated** (HIBP'"'"'s about 2 billion hashes at last count; an extrapolation from the figures here, not a measurement):"
  print ""
  printf "- store: %.1f GB (%s bytes a hash at its density, plus the 8 MiB index), against about %.0f GB of text at %s bytes a line;\n", (full * dense + idx) / 1e9, f(dense), full * text / n / 1e9, f(text / n)
  printf "- import: about %.0f minutes at the rate above, which is CPU-bound (one core) until the final sync and check, which read and write the store once more;\n", full / (n / wall) / 60
  print "- lookups and range requests: as in the rows at HIBP'"'"'s density below, as long as the page cache holds the store; the server'"'"'s own memory does not grow with it (the store is mapped, not loaded), and where memory is short the cold figures apply;"
  printf "- export with .gz and .br: 1,024 range files at that density took %.1f s (%.0f MB with siblings, %.0f MB of it gzip), so the 1,048,576 would take about %.0f minutes and %.0f GB on this machine.\n", export_s, export_kb / 1024, gz_kb / 1024, export_s * 1024 / 60, export_kb * 1024 / 1024 / 1024
}' >"$tmp/out"

cat "$tmp/out"
echo
echo "Lookups in process (\`Store.Lookup\`, one goroutine), p50 / p99. Warm: after Open, which reads the whole file to check it. Cold: the file evicted from the page cache (\`posix_fadvise DONTNEED\`) and mapped again before each lookup, so it waits for the disk (the mapping is advised random, so it reads the pages it needs, not the read-ahead around them)."
echo
echo "| store | Open (full check) | present, warm | absent, warm | range body, warm | cold |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
cat "$tmp/lookups"
echo
echo "\`passmeter serve --pwned\` under \`scripts/loadgen -range\` ($conc connections, random prefixes, at most $dur) on 127.0.0.1, both on this machine:"
echo
echo "| run | requests | requests/s | p50 | p99 | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
cat "$tmp/rows"
echo
echo "Memory of the server after each run (RSS counts the store's pages it touched, which the page cache shares; the server's own memory is RssAnon):"
echo
echo "| run | RSS | own |"
echo "| --- | ---: | ---: |"
cat "$tmp/mem"
