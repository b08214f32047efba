#!/bin/sh
# Installs what the browser tests and PDFs need: Debian packages (as root, with apt-get) and
# axe-core from the npm registry (pinned in package-lock.json). Never a browser download.
# A missing tool that cannot be installed stops here with one line saying what to install.
set -eu
cd "$(dirname "$0")/.."

# chromium: browser tests and PDFs; fonts-dejavu-core: Arabic and Cyrillic glyphs in PDFs;
# poppler-utils: pdftoppm, to read the QR codes back from the PDFs in the tests;
# default-jre-headless: Java for the Nu HTML Checker (vnu-jar from npm).
missing=""
for package in chromium fonts-dejavu-core poppler-utils default-jre-headless; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages for the browser tests and PDFs:$missing …"
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing Debian packages:$missing. Install them with: sudo apt-get install$missing" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Missing tool: npm (Node.js). Install it with: sudo apt-get install npm" >&2
    exit 1
  fi
  npm ci --no-audit --no-fund --silent
fi
