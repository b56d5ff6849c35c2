#!/usr/bin/env bash
# The web tests: builds web/dist, then runs web/test/ with Node's test
# runner: unit tests under Node, the npm package under Node, tsc on the
# types and over the sources (tsc --checkJs --strict: web/tsconfig.src.json),
# and the shim and the demo end to end in headless Debian Chromium
# (playwright-core) against local servers the tests start themselves.
# Test files are web/test/*.test.mjs; web/test/fixtures/ holds pages they serve.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh node chromium
scripts/build.sh
cd web
exec node --test --test-concurrency=1 --test-timeout=600000 test/*.test.mjs
