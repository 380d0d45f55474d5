#!/usr/bin/env bash
# `npm test`: every test there is. Typecheck, lint, unit and integration tests (vitest, real
# servers on free ports), then end-to-end tests (Playwright in Debian's Chromium against the
# built client). Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "Dependencies are not installed. Run: npm ci" >&2
  exit 1
fi

# Playwright cannot download its own browser here; it drives Debian's chromium. The export
# tests read PDFs back with poppler, and the PDF renderer needs CJK and emoji fonts.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftotext >/dev/null || missing="$missing poppler-utils"
[ -d /usr/share/fonts/opentype/noto ] || missing="$missing fonts-noto-cjk"
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing="$missing fonts-noto-color-emoji"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages for the tests:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || { echo "install of$missing failed" >&2; exit 1; }
  else
    echo "Missing Debian packages. Install them with: sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi

mkdir -p .tmp
status=0
step() {
  echo
  echo "▶ $*"
  "$@" || status=1
}

step npx tsc --noEmit -p .
step npm run --silent lint
step npx vite build --logLevel warn
step npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json
PLAYWRIGHT_JSON_OUTPUT_FILE=.tmp/playwright.json step npx playwright test --reporter=list,json

node scripts/testSummary.mjs .tmp/vitest.json .tmp/playwright.json || status=1
exit $status
