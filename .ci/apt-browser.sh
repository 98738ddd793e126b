#!/usr/bin/env bash
# Install what tests/test_browser.py needs: Debian's chromium, and Playwright
# for Python in the given virtualenv.
#
#   .ci/apt-browser.sh .venv/bin/pip
#
# Playwright drives the chromium found on PATH: never `playwright install`,
# which downloads a browser build of its own (this network refuses it).
# Exits non-zero, saying why, when either cannot be installed.
set -uo pipefail

fail() { echo "apt-browser: $*" >&2; exit 1; }

pip=${1:-}
[ -n "$pip" ] || fail "usage: $0 PIP (the pip of the virtualenv that runs the tests)"
[ -x "$pip" ] || fail "$pip is not an executable pip."

if command -v chromium >/dev/null 2>&1; then
  echo "apt-browser: chromium is already installed: $(command -v chromium)"
else
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "not root, and no sudo: cannot apt-get install chromium."
    sudo=(sudo -n)
  fi
  # Wait for another apt-get (up to 10 minutes) rather than fail on its lock.
  apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update || fail "apt-get update failed."
  # The browser and fonts for its pages, without the desktop it recommends.
  "${apt[@]}" install -y --no-install-recommends chromium fonts-dejavu-core fonts-liberation \
    || fail "apt-get install chromium failed."
  command -v chromium >/dev/null 2>&1 || fail "chromium is installed, but not on PATH."
fi
chromium --version >/dev/null 2>&1 \
  || fail "chromium is installed, but does not run."

"$pip" install --quiet 'playwright>=1.40' || fail "pip install playwright failed."
"$(dirname "$pip")/python" -c 'import playwright.sync_api' \
  || fail "playwright is installed, but does not import."
echo "apt-browser: ready: $(chromium --version 2>/dev/null), playwright $("$pip" show playwright 2>/dev/null | sed -n 's/^Version: //p')"
