#!/usr/bin/env bash
# Installs what the build and the tests need and are missing, on a fresh
# Debian machine as root (or with what is already there otherwise).
# Usage: scripts/setup.sh [node] [chromium] [wasmbrowsertest] [race]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOPATH)/bin"

want=("$@")
[ ${#want[@]} -gt 0 ] || want=(node chromium wasmbrowsertest race)

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "setup: $* missing and not root: install it with apt-get" >&2
    return 1
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null
    export APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

npm_ci() { # dir
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  return 0
}

for w in "${want[@]}"; do
  case "$w" in
  node)
    command -v node >/dev/null || apt_install nodejs npm
    for d in scripts/gen-data scripts/gen-i18n/zxcvbn-ts scripts/oracle scripts/wasm-opt web; do
      if [ -f "$d/package-lock.json" ]; then npm_ci "$d"; fi
    done
    ;;
  chromium)
    command -v chromium >/dev/null || apt_install chromium
    ;;
  race) # go test -race builds with cgo: a C compiler
    command -v gcc >/dev/null || apt_install gcc libc6-dev
    ;;
  wasmbrowsertest)
    command -v wasmbrowsertest >/dev/null || go install github.com/agnivade/wasmbrowsertest@v0.11.0
    ;;
  *) echo "setup: unknown tool $w" >&2; exit 2 ;;
  esac
done
