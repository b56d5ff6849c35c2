#!/usr/bin/env bash
# Regenerates web/src/breach.js (go run ./scripts/gen-breach: the breach
# outcomes' effects from core's ApplyBreach, the due mark, the rule's bits
# and core/hibp's defaults) into a scratch folder and fails unless it
# equals the committed file byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./scripts/gen-breach "$tmp"
if cmp -s "$tmp/breach.js" web/src/breach.js; then
  echo "check-breach: web/src/breach.js matches core's breach data"
else
  echo "check-breach: web/src/breach.js differs from go run ./scripts/gen-breach's output" >&2
  exit 1
fi
