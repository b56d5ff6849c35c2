#!/usr/bin/env bash
# Regenerates the feedback texts and code types of web/src into a scratch
# folder (go run ./scripts/gen-i18n, then scripts/gen-i18n/zxcvbn-ts) and
# fails unless they equal the committed files byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/i18n"
cp web/src/i18n/LICENSE.zxcvbn-ts.txt "$tmp/i18n/"
go run ./scripts/gen-i18n "$tmp"
node scripts/gen-i18n/zxcvbn-ts/import.mjs "$tmp"
status=0
committed=$(cd web/src && ls passmeter.d.ts i18n/locales.js i18n/shipped.js i18n/feedback/*.js)
generated=$(cd "$tmp" && ls passmeter.d.ts i18n/locales.js i18n/shipped.js i18n/feedback/*.js)
if [ "$committed" != "$generated" ]; then
  echo "check-i18n: web/src has other files than the generators write:" >&2
  diff <(echo "$committed") <(echo "$generated") >&2 || true
  status=1
fi
for f in $generated; do
  cmp -s "$tmp/$f" "web/src/$f" || { echo "check-i18n: web/src/$f differs from the generators' output" >&2; status=1; }
done
[ $status = 0 ] && echo "check-i18n: web/src feedback texts and code types match the generators"
exit $status
