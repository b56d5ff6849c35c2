#!/usr/bin/env bash
# The abuse scenarios of issue 17 as a BENCHMARKS.md section: the
# costliest requests the limits allow, natively (core BenchmarkWorstCase);
# over HTTP a flood of 16,384-character requests with ordinary users
# alongside and peak memory held to 1 GiB, SIGTERM under load, and 500
# concurrent requests against a slow HIBP stand-in (cmd/passmeter tests,
# their logged figures). Everything runs on 127.0.0.1, every loop bounded.
#   PASSMETER_FLOOD=1000 scripts/bench-abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo 'The costliest requests within the limits (README, "Limits"), natively, one CPU:'
echo
echo '```'
go test ./core -run '^$' -bench WorstCase -benchtime 10x -cpu 1 | grep '^Benchmark'
echo '```'
echo
echo "Over HTTP (\`go test ./cmd/passmeter\`, PASSMETER_FLOOD=${PASSMETER_FLOOD:=1000} long requests at once):"
echo
echo '```'
PASSMETER_FLOOD=$PASSMETER_FLOOD go test ./cmd/passmeter -count=1 -v \
  -run 'TestServeFloodUnderMemoryCap|TestServeProcessDrainUnderLoad|TestServeHIBPSlowUnderLoad' |
  grep -E '^\s+serve_(flood|signal|hibp)_test.go:[0-9]+: |^(--- |ok|FAIL)' | sed 's/^ *//'
echo '```'
