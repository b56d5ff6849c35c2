#!/usr/bin/env bash
# Regenerates core/zxcvbn/data into a scratch folder and fails unless it
# equals the committed data byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node scripts/gen-data/gen-data.mjs "$tmp" >/dev/null
for f in "$tmp"/*; do
  cmp "$f" "core/zxcvbn/data/$(basename "$f")" || { echo "check-data: $(basename "$f") differs from the generator's output" >&2; exit 1; }
done
echo "check-data: core/zxcvbn/data matches scripts/gen-data byte for byte"
