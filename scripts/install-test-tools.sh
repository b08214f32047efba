#!/bin/sh
# Installs what the browser tests need: Debian's chromium (as root, with apt-get) and
# axe-core from the npm registry (pinned in package-lock.json). Never a browser download.
# A missing tool that cannot be installed stops here with one line saying what to install.
set -eu
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests …"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Missing tool: Debian's chromium. Install it with: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Missing tool: npm (Node.js). Install it with: sudo apt-get install npm" >&2
    exit 1
  fi
  npm ci --no-audit --no-fund --silent
fi
