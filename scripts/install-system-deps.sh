#!/usr/bin/env bash
# Install the Debian packages township-report needs. Idempotent; quick when all are present.
#   python3-venv    `python3 -m venv` for .venv (Debian splits it out of python3)
#   fonts-noto-cjk  Chinese glyphs for matplotlib charts and HTML/PDF appendices
#   chromium        headless browser for the HTML tests (pages must open offline, no errors)
#   poppler-utils   pdftotext/pdffonts/pdftoppm for checking PDF appendices
#   libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0   WeasyPrint (HTML -> PDF)
# Needs root (or sudo). Set TOWNSHIP_REPORT_SKIP_APT=1 to skip (e.g. no root on a workstation).
set -euo pipefail
PACKAGES=(python3-venv fonts-noto-cjk chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ "${TOWNSHIP_REPORT_SKIP_APT:-0}" = "1" ]; then
  echo "install-system-deps: skipped (TOWNSHIP_REPORT_SKIP_APT=1)"; exit 0
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all present (${PACKAGES[*]})"; exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null || { echo "install-system-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "install-system-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# matplotlib caches its font list: drop it so the new CJK fonts are seen
rm -f "${HOME}"/.cache/matplotlib/fontlist-*.json 2>/dev/null || true
echo "install-system-deps: done"
