#!/usr/bin/env bash
# Serves the demo (index.html at the repo root, using web/dist) on
# 127.0.0.1 under the strict CSP it is built for, and prints its URL.
# `make demo` builds first. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -s web/dist/passmeter.js ] && [ -s web/dist/passmeter.wasm ] || scripts/build.sh
command -v node >/dev/null || scripts/setup.sh node
exec node scripts/serve-demo.mjs --root . --port "${PORT:-8080}"
